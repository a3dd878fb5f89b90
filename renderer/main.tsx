import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { useAppInfoStore } from './app/app-info-store';
import { setupI18n, storedLanguage } from './i18n/i18n';
import { installBrowserApiWhenMissing } from './platform/visio';
import './app/styles.css';

async function start(): Promise<void> {
  installBrowserApiWhenMissing();
  const info = await useAppInfoStore.getState().load();
  await setupI18n(storedLanguage() ?? info?.language ?? 'fr');
  const container = document.getElementById('root');
  if (!container) throw new Error('missing #root');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
