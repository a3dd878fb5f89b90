// The router bound to ipcMain, against a stand-in for Electron: one handler per contract
// channel, and the sender described from Electron's event (main frame or not, frame gone).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invokeChannelNames } from '../../common/ipc-channels';
import { FakeWebContents, invokeEventFrom, ipcMain, resetFakeElectron, session } from '../testing/fake-electron';
import { bindIpcRouter, senderOf } from './electron-ipc';
import { IpcRouter } from './ipc-router';

vi.mock('electron', async () => (await import('../testing/fake-electron')).fakeElectron);

const appUrl = 'app://visio/index.html';

function appContents(): FakeWebContents {
  const contents = new FakeWebContents(session.defaultSession);
  contents.mainFrame.url = appUrl;
  return contents;
}

beforeEach(() => {
  resetFakeElectron();
});

describe('senderOf', () => {
  it('describes the main frame, compared by its ids rather than by the wrapper object', () => {
    const contents = appContents();
    const frame = contents.mainFrameAt(appUrl);
    expect(frame).not.toBe(contents.mainFrame);
    expect(senderOf(invokeEventFrom(contents, frame))).toEqual({ webContentsId: contents.id, frameUrl: appUrl, isMainFrame: true });
  });

  it('a sub-frame is not the main frame, even at our own URL', () => {
    const contents = appContents();
    expect(senderOf(invokeEventFrom(contents, contents.subFrameAt(appUrl)))).toEqual({
      webContentsId: contents.id,
      frameUrl: appUrl,
      isMainFrame: false,
    });
  });

  it('a top frame of another process or routing id is not this contents’ main frame', () => {
    const contents = appContents();
    const stale = { ...contents.mainFrameAt(appUrl), processId: contents.mainFrame.processId + 1 };
    const other = { ...contents.mainFrameAt(appUrl), routingId: contents.mainFrame.routingId + 1 };
    expect(senderOf(invokeEventFrom(contents, stale)).isMainFrame).toBe(false);
    expect(senderOf(invokeEventFrom(contents, other)).isMainFrame).toBe(false);
  });

  it('a frame gone meanwhile has no URL and is not the main frame', () => {
    const contents = appContents();
    expect(senderOf(invokeEventFrom(contents, null))).toEqual({ webContentsId: contents.id, frameUrl: null, isMainFrame: false });
  });
});

describe('bindIpcRouter', () => {
  function bind(appWindowIds: number[]) {
    const report = vi.fn();
    const router = new IpcRouter({ isAppWindow: (id) => appWindowIds.includes(id), report });
    const appInfo = vi.fn(async () => ({ ok: true as const, value: { kind: 'electron' } as never }));
    router.register('app:info', appInfo);
    const unbind = bindIpcRouter(router);
    return { unbind, appInfo, report };
  }

  it('registers exactly one handler per contract channel', () => {
    bind([]);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...invokeChannelNames].sort());
  });

  it('hands the sender, as described from the event, to the router', async () => {
    const contents = appContents();
    const { appInfo, report } = bind([contents.id]);

    await expect(ipcMain.invoke('app:info', invokeEventFrom(contents))).resolves.toEqual({ ok: true, value: { kind: 'electron' } });
    expect(appInfo).toHaveBeenCalledWith(undefined, { webContentsId: contents.id, frameUrl: appUrl, isMainFrame: true });

    // The same page in a sub-frame, or in a window that is not ours, is refused by the router.
    await expect(ipcMain.invoke('app:info', invokeEventFrom(contents, contents.subFrameAt(appUrl)))).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const stranger = appContents();
    await expect(ipcMain.invoke('app:info', invokeEventFrom(stranger))).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(appInfo).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledTimes(2);
  });

  it('each channel reaches the router under its own name', async () => {
    const contents = appContents();
    bind([contents.id]);
    // No handler registered for it: the router answers `unavailable`, naming the channel.
    await expect(ipcMain.invoke('settings:get', invokeEventFrom(contents))).resolves.toMatchObject({
      ok: false,
      error: { code: 'unavailable', detail: 'no handler for settings:get' },
    });
    await expect(ipcMain.invoke('backend:config', invokeEventFrom(contents))).resolves.toMatchObject({
      error: { detail: 'no handler for backend:config' },
    });
  });

  it('unbinding removes every handler, so that the router can be bound again', () => {
    const { unbind } = bind([]);
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
    expect(() => bind([])).not.toThrow();
  });
});
