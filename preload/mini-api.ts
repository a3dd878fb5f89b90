// `window.visioMini`: the mini call window's whole view of main. One command out, one view in;
// built from a minimal port so it is tested without Electron.
import { miniCommandChannel, miniCommands, miniViewChannel, type MiniApi, type MiniCommand, type MiniView } from '../common/mini-window';
import type { IpcRendererPort } from './visio-api';

function isMiniCommand(value: unknown): value is MiniCommand {
  return typeof value === 'string' && (miniCommands as readonly string[]).includes(value);
}

export function createMiniApi(ipc: IpcRendererPort): MiniApi {
  return {
    command(command: MiniCommand) {
      if (!isMiniCommand(command)) {
        return Promise.resolve({ ok: false as const, error: { code: 'invalid_input', detail: 'unknown command' } });
      }
      return (ipc.invoke(miniCommandChannel, { command }) as ReturnType<MiniApi['command']>).catch((error: unknown) => ({
        ok: false as const,
        error: { code: 'unavailable', detail: error instanceof Error ? error.message : 'ipc failure' },
      }));
    },
    onView(listener: (view: MiniView) => void) {
      if (typeof listener !== 'function') return () => {};
      // Only the payload reaches the page, never Electron's event object.
      const forward = (_event: unknown, view: unknown) => listener(view as MiniView);
      ipc.on(miniViewChannel, forward);
      return () => ipc.removeListener(miniViewChannel, forward);
    },
  };
}
