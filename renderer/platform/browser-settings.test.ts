import { describe, expect, it } from 'vitest';
import { browserProfileList, browserSettingsView, savedLanguage, updateBrowserSettings } from './browser-settings';

function memoryStorage() {
  const values = new Map<string, string>();
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
}

describe('browser settings', () => {
  it('keeps the language in localStorage and locks nothing', () => {
    const storage = memoryStorage();
    expect(browserSettingsView(storage).settings.language).toBe('fr');
    const updated = updateBrowserSettings(storage, { language: 'en' });
    expect(updated.ok && updated.value.settings.language).toBe('en');
    expect(storage.getItem('visio.language')).toBe('en');
    expect(browserSettingsView(storage).locked).toEqual([]);
  });

  it('tells a saved language from none, so that the page’s own language applies until one is chosen', () => {
    const storage = memoryStorage();
    expect(savedLanguage(storage)).toBeNull();
    updateBrowserSettings(storage, { language: 'fr' });
    expect(savedLanguage(storage)).toBe('fr');
    updateBrowserSettings(storage, { language: 'nl' });
    expect(savedLanguage(storage)).toBe('nl');
    storage.setItem('visio.language', 'es');
    expect(savedLanguage(storage)).toBeNull();
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => undefined };
    expect(savedLanguage(refusing)).toBeNull();
    expect(browserSettingsView(refusing).settings.language).toBe('fr');
  });

  it('says when storage refuses the language', () => {
    const refusing = { getItem: () => null, setItem: () => { throw new Error('quota'); } };
    expect(updateBrowserSettings(refusing, { language: 'en' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('refuses what only the desktop app has, and invalid values', () => {
    expect(browserSettingsView(memoryStorage()).settings.miniWindowEnabled).toBe(true);
    expect(updateBrowserSettings(memoryStorage(), { miniWindowEnabled: false })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(updateBrowserSettings(memoryStorage(), { proxy: { mode: 'direct' } })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(updateBrowserSettings(memoryStorage(), { language: 'es' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('lists the page’s own instance only, with no adding', () => {
    const list = browserProfileList('visio.example.gouv.fr', 'https://visio.example.gouv.fr/api/v1.0/');
    expect(list.profiles.map((profile) => profile.id)).toEqual(['browser']);
    expect(list.addInstanceAllowed).toBe(false);
  });
});
