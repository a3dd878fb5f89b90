// The one i18next set-up of every process: the interface languages, French wherever a text is
// missing, `{{name}}` places left as they are (React and the system escape what they show), and
// CLDR plurals (`key_one`, `key_other`…) through Intl. The renderer and main each make their own
// instance from it, over their own namespace of the same locale files (common/locales/<lang>/).
import i18next, { type i18n, type InitOptions } from 'i18next';
import { languages, type Language } from './languages';
import type { StringTree } from './translation-check';

/** The namespaces of the locale files: one per process that shows text. */
export type LocaleNamespace = 'renderer' | 'main';

/** One namespace's texts, one tree per language. */
export type LocaleTables = Record<Language, StringTree>;

type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type WithoutPlural<Key extends string> = Key extends `${infer Base}_${PluralForm}` ? Base : Key;

/** Every key of a string tree as `t` takes it: `a.b.c`, a plural once without its `_one`/`_other`. */
export type TranslationKey<Tree, Prefix extends string = ''> = {
  [Key in keyof Tree & string]: Tree[Key] extends string
    ? `${Prefix}${WithoutPlural<Key>}`
    : TranslationKey<Tree[Key], `${Prefix}${Key}.`>;
}[keyof Tree & string];

/** Values put into a text's `{{places}}`; `count` also picks the plural form. */
export type TranslationValues = Record<string, string | number>;

export function i18nOptions(namespace: LocaleNamespace, tables: LocaleTables, language: Language): InitOptions {
  return {
    resources: Object.fromEntries(languages.map((each) => [each, { [namespace]: tables[each] }])),
    lng: language,
    fallbackLng: 'fr',
    supportedLngs: [...languages],
    ns: [namespace],
    defaultNS: namespace,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
    // The texts are in memory: ready as soon as `init` returns, with no DOM and no loader.
    initAsync: false,
  };
}

/** An instance of its own, for a process (or a test) that must not share the global one. */
export function createI18n(namespace: LocaleNamespace, tables: LocaleTables, language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init(i18nOptions(namespace, tables, language));
  return instance;
}
