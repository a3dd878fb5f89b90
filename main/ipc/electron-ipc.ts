// Binds the router to ipcMain: one `handle` per contract channel, with the sender described from
// Electron's event (the frame that sent, whether it is the main frame, which window).
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { invokeChannelNames } from '../../common/ipc-channels';
import type { IpcRouter, IpcSender } from './ipc-router';

export function senderOf(event: IpcMainInvokeEvent): IpcSender {
  const frame = event.senderFrame;
  const mainFrame = event.sender.mainFrame;
  // Frames are compared by their ids, not by wrapper identity.
  const isMainFrame =
    frame !== null &&
    frame.parent === null &&
    frame.processId === mainFrame.processId &&
    frame.routingId === mainFrame.routingId;
  return { webContentsId: event.sender.id, frameUrl: frame ? frame.url : null, isMainFrame };
}

export function bindIpcRouter(router: IpcRouter): () => void {
  for (const channel of invokeChannelNames) {
    ipcMain.handle(channel, (event, payload: unknown) => router.handle(channel, payload, senderOf(event)));
  }
  return () => {
    for (const channel of invokeChannelNames) ipcMain.removeHandler(channel);
  };
}
