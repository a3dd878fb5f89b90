// The page's whole view of main: `invoke` on the contract's channels, `on` for its events.
// Built from a minimal port so it can be tested without Electron; the page never receives the
// IPC objects themselves, only payloads.
import type { InvokeChannel, MainEventName, VisioApi } from '../common/ipc-contract';
import { isInvokeChannelName, isMainEventName } from '../common/ipc-channels';

export interface IpcRendererPort {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void;
}

type FailedResult = { ok: false; error: { code: 'invalid_input' | 'unavailable'; detail: string } };

function failed(code: FailedResult['error']['code'], detail: string): FailedResult {
  return { ok: false, error: { code, detail } };
}

export function createVisioApi(ipc: IpcRendererPort): VisioApi {
  return {
    invoke(channel: InvokeChannel, payload: unknown) {
      if (!isInvokeChannelName(channel)) return Promise.resolve(failed('invalid_input', 'unknown channel'));
      return ipc.invoke(channel, payload).catch((error: unknown) =>
        failed('unavailable', error instanceof Error ? error.message : 'ipc failure'),
      );
    },
    on(event: MainEventName, listener: (payload: never) => void) {
      if (!isMainEventName(event) || typeof listener !== 'function') return () => {};
      const forward = (_event: unknown, payload: unknown) => listener(payload as never);
      ipc.on(event, forward);
      return () => ipc.removeListener(event, forward);
    },
  } as VisioApi;
}
