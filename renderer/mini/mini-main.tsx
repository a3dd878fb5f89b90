// The mini call page: follows a call page of the same origin in a browser over a BroadcastChannel.
import '../platform/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { followFontPreference } from '../features/settings/settings-store';
import { setupI18n } from '../i18n/i18n';
import { createBroadcastMiniApi, miniBroadcastName } from '../platform/mini-broadcast';
import { MiniCallWindow } from './MiniCallWindow';
import '../app/fonts.css';
import './mini.css';

async function start(): Promise<void> {
  const api = createBroadcastMiniApi(new BroadcastChannel(miniBroadcastName));
  await setupI18n('fr');
  followFontPreference();
  const container = document.getElementById('root');
  if (!container) throw new Error('missing #root');
  createRoot(container).render(
    <StrictMode>
      <MiniCallWindow api={api} />
    </StrictMode>,
  );
}

void start();
