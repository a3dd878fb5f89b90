// First: no RTCPeerConnection gets an ICE server off the profile's hosts, none at all until known;
// and zod never compiles code at run time (the CSP forbids eval).
import './platform/install-ice-guard';
import './platform/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyAccentColor } from './app/accent-color';
import { App } from './app/App';
import { savedLanguage } from './platform/browser-settings';
import { followFontPreference } from './features/settings/settings-store';
import { setupI18n } from './i18n/i18n';
import { startupLanguage } from './i18n/startup-language';
import { pageIceGuard } from './platform/ice-guard';
import { loadAppInfo } from './platform/backend-queries';
import { installBrowserApiWhenMissing } from './platform/visio';
import './app/fonts.css';
import './app/styles.css';
import { markPressableStyleBundled } from './app/pressable-style';

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

async function start(): Promise<void> {
  markPressableStyleBundled(document);
  installBrowserApiWhenMissing();
  const info = await loadAppInfo();
  pageIceGuard.setProfileHosts(info?.profile.allowedHosts ?? []);
  applyAccentColor(document.documentElement, info?.profile.accentColor);
  const savedInBrowser = info?.kind === 'browser' ? savedLanguage(browserStorage()) : null;
  await setupI18n(startupLanguage({ info, savedInBrowser }));
  followFontPreference();
  const container = document.getElementById('root');
  if (!container) throw new Error('missing #root');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
