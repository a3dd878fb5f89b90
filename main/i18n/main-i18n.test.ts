import { describe, expect, it } from 'vitest';
import { createI18n } from '../../common/i18n';
import { languages } from '../../common/languages';
import { compareTranslation } from '../../common/translation-check';
import { mainLocales, mainT, timeOfDay } from './main-i18n';

describe('main process strings', () => {
  // Each list names the strings to write, so a failure says exactly what a language still lacks.
  for (const language of languages) {
    it(`${language} has exactly the keys and {{variables}} of French`, () => {
      const report = compareTranslation(mainLocales.fr, mainLocales[language], language);
      expect({ language, ...report }).toEqual({ language, missing: [], extra: [], pluralForms: [], variables: [], empty: [] });
    });
  }

  it('German and Dutch tray, notifications and dialogs are in German and Dutch', () => {
    expect(mainT('de')('tray.quit')).toBe('Visio beenden');
    expect(mainT('nl')('quit.cancel')).toBe('In de vergadering blijven');
    expect(mainT('de')('screenAccess.openSettings')).toBe('Systemeinstellungen öffnen');
  });

  it('reads a key a language still lacks in French rather than as nothing', () => {
    const partial = createI18n('main', { ...mainLocales, nl: { tray: { quit: 'Visio afsluiten' } } }, 'nl');
    expect(partial.t('tray.quit')).toBe('Visio afsluiten');
    expect(partial.t('tray.join')).toBe('Rejoindre');
    expect(partial.t('deepLink.reasons.port')).toBe('Le lien désigne un port inattendu.');
  });

  it('fills {{places}} without escaping them, as the system shows text as it is', () => {
    expect(mainT('fr')('notifications.chatTitle', { name: 'Alice & <Bob>' })).toBe('Message de Alice & <Bob>');
    expect(mainT('en')('deepLink.body', { reason: mainT('en')('deepLink.reasons.port') })).toMatch(/port.*Nothing was opened\.$/);
  });

  it('follows a change of language at the next call, without a new instance', () => {
    let language: (typeof languages)[number] = 'fr';
    const quit = () => mainT(language)('tray.quit');
    expect(quit()).toBe('Quitter Visio');
    language = 'de';
    expect(quit()).toBe('Visio beenden');
  });

  it('writes times in each language through Intl', () => {
    const afternoon = new Date(2026, 7, 3, 14, 5);
    expect(timeOfDay(afternoon, 'de')).toBe('14:05');
    expect(timeOfDay(afternoon, 'nl')).toBe('14:05');
    expect(timeOfDay(afternoon, 'en')).toBe('14:05');
  });
});
