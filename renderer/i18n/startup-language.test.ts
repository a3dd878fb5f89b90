import { describe, expect, it } from 'vitest';
import type { AppInfo, SettingsView } from '../../common/ipc-contract';
import { browserSettingsView } from '../features/settings/browser-settings';
import { browserAppInfo } from '../platform/browser-api';
import { startupLanguage } from './startup-language';

function info(kind: AppInfo['kind'], language: 'fr' | 'en'): AppInfo {
  return { ...browserAppInfo('http://127.0.0.1:8071/', '0.1.0', 'linux'), kind, language };
}

function view(language: 'fr' | 'en', locked: string[] = []): SettingsView {
  const base = browserSettingsView(undefined);
  return { ...base, settings: { ...base.settings, language }, locked };
}

describe('startup language', () => {
  it('follows the desktop app’s main process, which already weighs policy, saved choice, system and profile', () => {
    expect(startupLanguage({ info: info('electron', 'en'), view: view('fr'), savedInBrowser: null })).toBe('en');
    expect(startupLanguage({ info: info('electron', 'fr'), view: view('en'), savedInBrowser: 'en' })).toBe('fr');
  });

  it('keeps a language the policy locks, whatever else says', () => {
    expect(startupLanguage({ info: info('electron', 'en'), view: view('fr', ['language']), savedInBrowser: null })).toBe('fr');
    expect(startupLanguage({ info: info('browser', 'fr'), view: view('en', ['language']), savedInBrowser: 'fr' })).toBe('en');
  });

  it('in a browser, prefers the saved choice, then the page’s ?lang=, then French', () => {
    expect(startupLanguage({ info: info('browser', 'fr'), view: view('en'), savedInBrowser: 'en' })).toBe('en');
    expect(startupLanguage({ info: info('browser', 'en'), view: view('fr'), savedInBrowser: null })).toBe('en');
    expect(startupLanguage({ info: info('browser', 'en'), view: view('fr'), savedInBrowser: 'fr' })).toBe('fr');
    expect(startupLanguage({ info: null, view: null, savedInBrowser: null })).toBe('fr');
    expect(startupLanguage({ info: null, view: view('en'), savedInBrowser: null })).toBe('en');
  });
});
