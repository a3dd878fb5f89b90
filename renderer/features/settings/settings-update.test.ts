import { describe, expect, it } from 'vitest';
import { fail, ok, type SettingsView } from '../../../common/ipc-contract';
import en from '../../../common/locales/en/renderer.json' with { type: 'json' };
import fr from '../../../common/locales/fr/renderer.json' with { type: 'json' };
import { browserSettingsView } from '../../platform/browser-settings';
import { chooseLanguage, miniWindowControl, settingsUpdateErrorKey, type SettingsUpdate } from './settings-update';

function view(changes: Partial<SettingsView['settings']> = {}, locked: string[] = []): SettingsView {
  const base = browserSettingsView(undefined);
  return { ...base, settings: { ...base.settings, ...changes }, locked };
}

function translate(dictionary: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], dictionary);
}

describe('choosing the language', () => {
  it('saves the language, then switches the interface to the one kept', async () => {
    const patches: unknown[] = [];
    const applied: string[] = [];
    const update: SettingsUpdate = async (patch) => {
      patches.push(patch);
      return ok(view({ language: 'en' }));
    };
    const result = await chooseLanguage('en', update, async (language) => void applied.push(language));
    expect(result.ok).toBe(true);
    expect(patches).toEqual([{ language: 'en' }]);
    expect(applied).toEqual(['en']);
  });

  it('leaves the interface in its language when the change is refused or cannot be saved', async () => {
    const applied: string[] = [];
    const apply = async (language: string) => void applied.push(language);
    const locked = await chooseLanguage('en', async () => fail('locked_by_policy', undefined, 'language'), apply);
    const broken = await chooseLanguage('en', async () => fail('unavailable', undefined, 'disk full'), apply);
    expect(applied).toEqual([]);
    expect(!locked.ok && settingsUpdateErrorKey(locked.error, 'language')).toBe('errors.locked_by_policy');
    expect(!broken.ok && settingsUpdateErrorKey(broken.error, 'language')).toBe('settings.languageNotSaved');
    expect(settingsUpdateErrorKey({ code: 'network' }, 'setting')).toBe('settings.settingNotSaved');
  });

  it('has every error sentence in French and English', () => {
    for (const key of ['errors.locked_by_policy', 'settings.languageNotSaved', 'settings.settingNotSaved', 'settings.miniWindow']) {
      expect(typeof translate(fr, key), key).toBe('string');
      expect(typeof translate(en, key), key).toBe('string');
      expect(translate(fr, key)).not.toBe(translate(en, key));
    }
  });
});

describe('mini window checkbox', () => {
  it('shows the effective value in the desktop app, locked when the policy sets it', () => {
    expect(miniWindowControl(view({ miniWindowEnabled: false }), 'electron')).toEqual({ checked: false, locked: false });
    expect(miniWindowControl(view({ miniWindowEnabled: true }, ['miniWindowEnabled']), 'electron')).toEqual({ checked: true, locked: true });
  });

  it('is absent in a browser and while the settings are unknown', () => {
    expect(miniWindowControl(view(), 'browser')).toBeNull();
    expect(miniWindowControl(null, 'electron')).toBeNull();
    expect(miniWindowControl(view(), null)).toBeNull();
  });
});
