// The sandboxed preload: exposes `window.visio` and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { preloadGlobalName } from '../common/ipc-channels';
import { createVisioApi } from './visio-api';

contextBridge.exposeInMainWorld(
  preloadGlobalName,
  createVisioApi({
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    on: (channel, listener) => {
      ipcRenderer.on(channel, listener);
    },
    removeListener: (channel, listener) => {
      ipcRenderer.removeListener(channel, listener);
    },
  }),
);
