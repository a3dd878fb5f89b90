import { describe, expect, it } from 'vitest';
import { browserProfileList, browserSettingsView, updateBrowserSettings } from './browser-settings';

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

  it('refuses what only the desktop app has, and invalid values', () => {
    expect(updateBrowserSettings(memoryStorage(), { proxy: { mode: 'direct' } })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(updateBrowserSettings(memoryStorage(), { language: 'de' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('lists the page’s own instance only, with no adding', () => {
    const list = browserProfileList('visio.example.gouv.fr', 'https://visio.example.gouv.fr/api/v1.0/');
    expect(list.profiles.map((profile) => profile.id)).toEqual(['browser']);
    expect(list.addInstanceAllowed).toBe(false);
  });
});
