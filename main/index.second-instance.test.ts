// A second launch while the app runs: the composition root gives way to the first instance
// (which gets the `second-instance` event) before opening anything.
import { beforeAll, expect, it, vi } from 'vitest';
import { app, dialog, FakeBrowserWindow, FakeTray, ipcMain, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);
vi.mock('keytar', () => ({ getPassword: async () => null, setPassword: async () => undefined, deletePassword: async () => false }));
vi.mock('electron-updater', () => ({ autoUpdater: {} }));

beforeAll(async () => {
  resetFakeElectron();
  app.requestSingleInstanceLock.mockReturnValue(false);
  await (await import('./index')).started;
});

it('quits at once without a window, a channel or a tray', () => {
  expect(app.quit).toHaveBeenCalledTimes(1);
  expect(FakeBrowserWindow.made).toEqual([]);
  expect(ipcMain.handlers.size).toBe(0);
  expect(FakeTray.made).toEqual([]);
  expect(dialog.showErrorBox).not.toHaveBeenCalled();
});
