import { describe, expect, it } from 'vitest';
import { languages } from '../../common/languages';
import { compareTranslation, flatten } from '../../common/translation-check';
import { completedBy, fill, mainStrings, mainStringTables, timeOfDay } from './main-strings';

describe('main process strings', () => {
  // Each list names the strings to write, so a failure says exactly what a language still lacks.
  for (const language of languages) {
    it(`${language} has exactly the keys and {{variables}} of French`, () => {
      const report = compareTranslation(mainStringTables.fr, mainStringTables[language], language);
      expect({ language, ...report }).toEqual({ language, missing: [], extra: [], pluralForms: [], variables: [], empty: [] });
    });
  }

  it('German and Dutch tray, notifications and dialogs are in German and Dutch', () => {
    expect(mainStrings('de').tray.quit).toBe('Visio beenden');
    expect(mainStrings('nl').quit.cancel).toBe('In de vergadering blijven');
    expect(mainStrings('de').screenAccess.openSettings).toBe('Systemeinstellungen öffnen');
  });

  it('reads a key a table still lacks in French rather than as nothing', () => {
    const completed = completedBy(mainStringTables.fr, { tray: { quit: 'Visio afsluiten' } }) as typeof mainStringTables.fr;
    expect(flatten(completed).get('tray.quit')).toBe('Visio afsluiten');
    expect(flatten(completed).get('tray.join')).toBe('Rejoindre');
    expect(flatten(completed).get('deepLink.reasons.port')).toBe('Le lien désigne un port inattendu.');
  });

  it('fills {{places}} and leaves an unknown one visible', () => {
    expect(fill('Message de {{name}}', { name: 'Alice' })).toBe('Message de Alice');
    expect(fill('{{reason}} Rien', {})).toBe('{{reason}} Rien');
  });

  it('writes times in each language through Intl', () => {
    const afternoon = new Date(2026, 7, 3, 14, 5);
    expect(timeOfDay(afternoon, 'de')).toBe('14:05');
    expect(timeOfDay(afternoon, 'nl')).toBe('14:05');
    expect(timeOfDay(afternoon, 'en')).toBe('14:05');
  });
});
