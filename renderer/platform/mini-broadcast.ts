// The mini call window in a plain browser: no main process to relay, so the call page and the
// mini page (same origin, e.g. /mini.html opened in a small window) talk over a BroadcastChannel.
// The call page publishes the same view the desktop composes; the mini page sends the same
// commands, which reach the call page as `event:command`, as they would from main.
import { miniCommands, type CallSpeaker, type MiniApi, type MiniCommand, type MiniView } from '../../common/mini-window';
import { MiniWindowController } from '../../common/mini-window-controller';
import type { InvokeInput, MainEvents } from '../../common/ipc-contract';
import type { Language } from '../../common/profile';

export const miniBroadcastName = 'visio-mini-window';

/** What both sides need of a BroadcastChannel, so tests can join two ends in memory. */
export interface BroadcastPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

type Message =
  | { type: 'view'; view: MiniView }
  | { type: 'command'; command: MiniCommand }
  | { type: 'hello' };

function messageOf(data: unknown): Message | null {
  if (!data || typeof data !== 'object' || !('type' in data)) return null;
  const message = data as { type: unknown; view?: unknown; command?: unknown };
  if (message.type === 'hello') return { type: 'hello' };
  if (message.type === 'command' && typeof message.command === 'string' && (miniCommands as readonly string[]).includes(message.command)) {
    return { type: 'command', command: message.command as MiniCommand };
  }
  if (message.type === 'view' && message.view && typeof message.view === 'object') return { type: 'view', view: message.view as MiniView };
  return null;
}

/** The mini page's side: its view in, its commands out. */
export function createBroadcastMiniApi(port: BroadcastPort): MiniApi {
  return {
    command(command) {
      if (!(miniCommands as readonly string[]).includes(command)) {
        return Promise.resolve({ ok: false as const, error: { code: 'invalid_input', detail: 'unknown command' } });
      }
      port.postMessage({ type: 'command', command });
      return Promise.resolve({ ok: true as const, value: null });
    },
    onView(listener) {
      const onMessage = (event: { data: unknown }) => {
        const message = messageOf(event.data);
        if (message?.type === 'view') listener(message.view);
      };
      port.addEventListener('message', onMessage);
      // A page that opens late asks for the current view.
      port.postMessage({ type: 'hello' });
      return () => port.removeEventListener('message', onMessage);
    },
  };
}

export type CallCommandListener = (payload: MainEvents['event:command']) => void;

/**
 * The call page's side: the desktop's controller, with a "window" that is whatever mini page the
 * user opened (always open as far as the page knows, never made or closed by it).
 */
export class BroadcastMiniHost {
  private readonly controller: MiniWindowController;
  private readonly listeners = new Set<CallCommandListener>();

  constructor(port: BroadcastPort, language: () => Language, showPage: () => void) {
    this.controller = new MiniWindowController(
      {
        open: () => undefined,
        close: () => undefined,
        isOpen: () => true,
        send: (view) => port.postMessage({ type: 'view', view }),
      },
      {
        enabled: () => true,
        mainWindowVisible: () => false,
        language,
        sendCommand: (command) => {
          for (const listener of this.listeners) listener({ command });
        },
        showMain: showPage,
      },
    );
    port.addEventListener('message', (event) => {
      const message = messageOf(event.data);
      if (message?.type === 'hello') this.controller.onReady();
      if (message?.type === 'command') this.controller.command(message.command);
    });
  }

  callState(state: InvokeInput<'call:state'>): void {
    this.controller.onCallState(state);
  }

  callSpeaker(speaker: CallSpeaker): void {
    this.controller.onSpeaker(speaker);
  }

  onCommand(listener: CallCommandListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
