import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../common/ipc-contract';
import type { Language } from '../../common/languages';
import { browserAppInfo } from '../platform/browser-api';
import { startupLanguage } from './startup-language';

function info(kind: AppInfo['kind'], language: Language): AppInfo {
  return { ...browserAppInfo('http://127.0.0.1:8071/', '0.1.0', 'linux'), kind, language };
}

describe('startup language', () => {
  it('follows the desktop app’s main process, which already weighs policy, saved choice, system and profile', () => {
    expect(startupLanguage({ info: info('electron', 'en'), savedInBrowser: null })).toBe('en');
    expect(startupLanguage({ info: info('electron', 'fr'), savedInBrowser: 'en' })).toBe('fr');
  });

  it('in a browser, prefers the saved choice, then the page’s ?lang=, then French', () => {
    expect(startupLanguage({ info: info('browser', 'fr'), savedInBrowser: 'en' })).toBe('en');
    expect(startupLanguage({ info: info('browser', 'en'), savedInBrowser: null })).toBe('en');
    expect(startupLanguage({ info: info('browser', 'en'), savedInBrowser: 'fr' })).toBe('fr');
    expect(startupLanguage({ info: null, savedInBrowser: null })).toBe('fr');
  });
});
