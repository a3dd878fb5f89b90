import { describe, expect, it } from 'vitest';
import { createI18n, type LocaleTables } from './i18n';

const tables: LocaleTables = {
  fr: { files_one: '{{count}} fichier', files_other: '{{count}} fichiers', greet: 'Bonjour {{name}}', onlyFrench: 'Seulement en français' },
  en: { files_one: 'one file', files_other: '{{count}} files', greet: 'Hello {{name}}' },
  de: { files_one: 'eine Datei', files_other: '{{count}} Dateien', greet: 'Hallo {{name}}' },
  nl: { files_one: 'één bestand', files_other: '{{count}} bestanden', greet: 'Hallo {{name}}' },
};

describe('the shared i18next set-up', () => {
  it('picks the plural form each language uses (French counts 0 and 1 as one)', () => {
    const french = createI18n('main', tables, 'fr');
    expect([0, 1, 2].map((count) => french.t('files', { count }))).toEqual(['0 fichier', '1 fichier', '2 fichiers']);
    const english = createI18n('main', tables, 'en');
    expect([0, 1, 2].map((count) => english.t('files', { count }))).toEqual(['0 files', 'one file', '2 files']);
  });

  it('is ready as soon as it is made, without a DOM, and falls back to French', () => {
    const dutch = createI18n('renderer', tables, 'nl');
    expect(dutch.isInitialized).toBe(true);
    expect(dutch.t('greet', { name: '<b>' })).toBe('Hallo <b>');
    expect(dutch.t('onlyFrench')).toBe('Seulement en français');
  });

  it('keeps its language apart from other instances', () => {
    const german = createI18n('main', tables, 'de');
    const english = createI18n('main', tables, 'en');
    expect([german.t('greet', { name: 'A' }), english.t('greet', { name: 'A' })]).toEqual(['Hallo A', 'Hello A']);
  });
});
