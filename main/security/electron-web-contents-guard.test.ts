// The guard every web contents gets, against a stand-in for Electron: no webview, no pop-up (a
// permitted link goes to the system browser), no navigation away from our origin in the app
// session, and the login window's session left to its own rule.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asElectron, dialog, fakeEvent, FakeWebContents, resetFakeElectron, session, shell } from '../testing/fake-electron';
import { createExternalOpener } from './electron-open-external';
import { allowWindowOpen, guardWebContents } from './electron-web-contents-guard';

vi.mock('electron', async () => (await import('../testing/fake-electron')).fakeElectron);

const appSession = () => session.fromPartition('persist:app');

function guarded(contentsSession = appSession()): FakeWebContents {
  const contents = new FakeWebContents(contentsSession);
  const openExternal = createExternalOpener({ language: () => 'fr', parent: () => null });
  guardWebContents(asElectron.webContents(contents), asElectron.session(appSession()), openExternal);
  return contents;
}

beforeEach(() => {
  resetFakeElectron();
});

describe('Electron web contents guard', () => {
  it('refuses every webview', () => {
    const contents = guarded();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('opens no window; an https link goes to the system browser, anything else nowhere', () => {
    const contents = guarded();
    expect(contents.openWindow('https://docs.example.gouv.fr/aide')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://docs.example.gouv.fr/aide');

    expect(contents.openWindow('app://visio/index.html')).toEqual({ action: 'deny' });
    expect(contents.openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(contents.openWindow('https://user:secret@example.org/')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('keeps app-session pages on our origin: other links go to the browser, the rest is dropped', () => {
    const contents = guarded();
    expect(contents.navigate('will-navigate', 'app://visio/index.html#/room').defaultPrevented).toBe(false);
    expect(contents.navigate('will-navigate', 'https://example.org/').defaultPrevented).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.org/');
    expect(contents.navigate('will-redirect', 'javascript:alert(1)').defaultPrevented).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd').defaultPrevented).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('asks before a link to an intranet host leaves for the browser', async () => {
    const contents = guarded();
    expect(contents.openWindow('https://192.168.1.1/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalledTimes(1));
    expect(dialog.showMessageBox.mock.calls[0]?.[0]).toMatchObject({ message: expect.stringContaining('192.168.1.1') });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('a sub-frame may not leave our origin either, and never opens the browser', () => {
    const contents = guarded();
    expect(contents.navigate('will-frame-navigate', 'https://example.org/', { isMainFrame: false }).defaultPrevented).toBe(true);
    expect(contents.navigate('will-frame-navigate', 'app://visio/frame.html', { isMainFrame: false }).defaultPrevented).toBe(false);
    // The main frame's own navigation is `will-navigate`'s business.
    expect(contents.navigate('will-frame-navigate', 'https://example.org/', { isMainFrame: true }).defaultPrevented).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('leaves navigation in another session (the login window) to its own rule, but still refuses pop-ups and webviews', () => {
    const contents = guarded(session.fromPartition('persist:login-ministere'));
    expect(contents.navigate('will-navigate', 'https://idp.example.gouv.fr/authorize').defaultPrevented).toBe(false);
    expect(contents.listenerCount('will-navigate')).toBe(0);
    expect(contents.openWindow('app://visio/index.html')).toEqual({ action: 'deny' });
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });

  it('lets one contents open the windows main allows, with main’s options, until taken back', () => {
    const contents = guarded();
    const other = guarded();
    const stop = allowWindowOpen(asElectron.webContents(contents), ({ url, frameName }) =>
      url === 'app://visio/floating.html' && frameName === 'visio-floating' ? { width: 360, webPreferences: { sandbox: true } } : null,
    );
    expect(contents.openWindow('app://visio/floating.html', 'visio-floating')).toEqual({
      action: 'allow',
      overrideBrowserWindowOptions: { width: 360, webPreferences: { sandbox: true } },
    });
    expect(contents.openWindow('app://visio/index.html', 'visio-floating')).toEqual({ action: 'deny' });
    expect(other.openWindow('app://visio/floating.html', 'visio-floating')).toEqual({ action: 'deny' });

    stop();
    expect(contents.openWindow('app://visio/floating.html', 'visio-floating')).toEqual({ action: 'deny' });
  });
});
