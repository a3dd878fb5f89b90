// The words the main process shows itself (tray, notifications, dialogs, messages for
// administrators), through the i18next set-up the renderer uses (common/i18n.ts), over the `main`
// namespace of the same locale files. Main has one instance of its own, made without a DOM; each
// call site asks for the language in force at that moment, so a change of language shows in the
// next menu, notification or dialog without a restart.
import { createI18n, type TranslationKey, type TranslationValues } from '../../common/i18n';
import { localeOf, type Language } from '../../common/languages';
import { mainLocales, type MainStrings } from '../../common/locales/main';

export { mainLocales };

export type MainKey = TranslationKey<MainStrings>;
export type MainTranslate = (key: MainKey, values?: TranslationValues) => string;

const instance = createI18n('main', mainLocales, 'fr');

/** The translate function of one language; a key that language lacks reads in French. */
export function mainT(language: Language): MainTranslate {
  const fixed = instance.getFixedT(language);
  return (key, values) => fixed(key, values);
}

/** A time of day as the language writes it, through Intl. */
export function timeOfDay(date: Date, language: Language): string {
  return date.toLocaleTimeString(localeOf[language], { hour: '2-digit', minute: '2-digit' });
}
