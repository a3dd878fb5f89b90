// The mini call window's sandboxed preload: exposes `window.visioMini` and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { miniGlobalName } from '../common/mini-window';
import { createMiniApi } from './mini-api';

contextBridge.exposeInMainWorld(
  miniGlobalName,
  createMiniApi({
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    on: (channel, listener) => {
      ipcRenderer.on(channel, listener);
    },
    removeListener: (channel, listener) => {
      ipcRenderer.removeListener(channel, listener);
    },
  }),
);
