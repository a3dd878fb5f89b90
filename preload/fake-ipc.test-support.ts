// A stand-in for ipcRenderer in the preload tests: records calls, delivers events as Electron
// does (an event object first, then the payload).
import { vi } from 'vitest';
import type { IpcRendererPort } from './visio-api';

export function fakeIpc(answer: (channel: string) => unknown = () => ({ ok: true, value: null })) {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  const port: IpcRendererPort = {
    invoke: vi.fn(async (channel: string) => answer(channel)),
    on: vi.fn((channel, listener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    }),
    removeListener: vi.fn((channel, listener) => {
      listeners.get(channel)?.delete(listener);
    }),
  };
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc-internals' }, payload);
  };
  return { port, emit };
}
