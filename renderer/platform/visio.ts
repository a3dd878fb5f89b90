// Globals of the page (window.visio, __APP_VERSION__), also for type-checks that start from tests.
import type {} from '../env';
// The one way the renderer reaches the backend and the desktop: `window.visio`, provided by the
// preload in the desktop app and by the browser implementation otherwise.
import type { InvokeChannel, InvokeInput, InvokeOutputs, MainEventName, MainEvents, Result } from '../../common/ipc-contract';
import { createBrowserApi, currentBrowserEnvironment } from './browser-api';

export function installBrowserApiWhenMissing(): void {
  if (!window.visio) window.visio = createBrowserApi(currentBrowserEnvironment());
}

export function invoke<C extends InvokeChannel>(channel: C, payload: InvokeInput<C>): Promise<Result<InvokeOutputs[C]>> {
  return window.visio.invoke(channel, payload).catch((error: unknown) => ({
    ok: false as const,
    error: { code: 'network' as const, detail: error instanceof Error ? error.message : String(error) },
  }));
}

export function onMainEvent<E extends MainEventName>(event: E, listener: (payload: MainEvents[E]) => void): () => void {
  return window.visio.on(event, listener);
}
