import { describe, expect, it } from 'vitest';
import { languages } from '../../common/languages';
import { compareTranslation, flatten, variablesOf } from '../../common/translation-check';
import { translations } from './i18n';

const french = translations.fr;

describe('translations', () => {
  // Each list names the strings to write, so a failure says exactly what a language still lacks.
  for (const language of languages) {
    describe(language, () => {
      const report = compareTranslation(french, translations[language], language);
      it('has every key of French', () => expect(report.missing, `keys missing in ${language}.json`).toEqual([]));
      it('has no key French lacks', () => expect(report.extra, `keys only in ${language}.json`).toEqual([]));
      it('has the plural forms of its language', () => expect(report.pluralForms, `plural forms in ${language}.json`).toEqual([]));
      it('interpolates the same {{variables}} as French', () => expect(report.variables, `variables in ${language}.json`).toEqual([]));
      it('has no empty text', () => expect(report.empty, `empty texts in ${language}.json`).toEqual([]));
    });
  }

  // Words that are spelled the same in two languages, on purpose.
  const sameByNature = new Set(['participants.administrator']);

  it('German and Dutch are translations, not copies of another language', () => {
    for (const language of ['de', 'nl'] as const) {
      const own = flatten(translations[language]);
      for (const other of languages.filter((candidate) => candidate !== language)) {
        const theirs = flatten(translations[other]);
        const same = [...own].filter(([key, text]) => theirs.get(key) === text && !sameByNature.has(key) && variablesOf(text).length === 0 && text.length > 12);
        expect(same.map(([key]) => key), `${language} texts identical to ${other}`).toEqual([]);
      }
    }
  });
});

describe('the translation check', () => {
  const reference = { a: { title: 'Titre', greet: 'Bonjour {{name}}' }, n_one: '{{count}} fichier', n_many: '{{count}} fichiers', n_other: '{{count}} fichiers' };

  it('names the missing, extra and mistyped keys', () => {
    const report = compareTranslation(reference, { a: { greet: 'Hallo {{nom}}', more: 'Mehr' }, n_one: '{{count}} Datei', n_other: '' }, 'de');
    expect(report.missing).toEqual(['a.title']);
    expect(report.extra).toEqual(['a.more']);
    expect(report.variables).toEqual(['a.greet: {{nom}} instead of {{name}}', 'n_other: {{}} instead of {{count}}']);
    expect(report.empty).toEqual(['n_other']);
    expect(report.pluralForms).toEqual([]);
  });

  it('asks each language for its own plural forms', () => {
    expect(compareTranslation(reference, reference, 'fr').pluralForms).toEqual([]);
    const english = { a: reference.a, n_one: '{{count}} file', n_many: '{{count}} files', n_other: '{{count}} files' };
    expect(compareTranslation(reference, english, 'en').pluralForms).toEqual(['n_{plural}: has many, one, other; en needs one, other']);
  });
});
