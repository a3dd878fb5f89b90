// The close policy's Electron wiring, against a stand-in for Electron: the window's close hides it
// during a call, quitting asks first, a shutdown never waits, and uninstalling lets go of it all.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, asElectron, dialog, fakeEvent, FakeBrowserWindow, powerMonitor, resetFakeElectron } from '../../testing/fake-electron';
import { installClosePolicy } from './electron-close-policy';

vi.mock('electron', async () => (await import('../../testing/fake-electron')).fakeElectron);

function install(inCall = true) {
  const window = new FakeBrowserWindow();
  const call = { inCall };
  const options = {
    window: asElectron.window(window),
    inCall: () => call.inCall,
    language: () => 'en' as const,
    leaveCall: vi.fn(),
    inform: vi.fn(),
  };
  const uninstall = installClosePolicy(options);
  return { window, call, options, uninstall };
}

/** What `app.quit()` starts with: `before-quit`, which a listener may prevent. */
function beforeQuit() {
  const event = fakeEvent();
  app.emit('before-quit', event);
  return event;
}

const answered = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  resetFakeElectron();
});

describe('Electron close policy', () => {
  it('hides the window instead of closing it during a call, and says where it went once', () => {
    const { window, options } = install();
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(window.isVisible()).toBe(false);
    expect(options.inform).toHaveBeenCalledWith({ title: 'The meeting goes on', body: expect.stringContaining('notification area') });

    window.show();
    window.close();
    expect(window.isVisible()).toBe(false);
    expect(options.inform).toHaveBeenCalledTimes(1);
  });

  it('lets the window close outside a call', () => {
    const { window } = install(false);
    window.close();
    expect(window.isDestroyed()).toBe(true);
  });

  it('quits at once outside a call', () => {
    install(false);
    expect(beforeQuit().defaultPrevented).toBe(false);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('asks before quitting during a call; staying keeps everything', async () => {
    const { options } = install();
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(beforeQuit().defaultPrevented).toBe(true);
    await answered();
    expect(options.leaveCall).not.toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('a confirmed quit leaves the call, quits, and the window then closes', async () => {
    const { window, options } = install();
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    beforeQuit();
    // Attached to the visible window, with the question in the user's language.
    expect(dialog.showMessageBox).toHaveBeenCalledWith(window, expect.objectContaining({ message: 'Quit Visio during the meeting?', cancelId: 1 }));
    await answered();
    expect(options.leaveCall).toHaveBeenCalledTimes(1);
    expect(app.quit).toHaveBeenCalledTimes(1);

    // Electron's quit sends `before-quit` again, then closes the windows.
    expect(beforeQuit().defaultPrevented).toBe(false);
    window.close();
    expect(window.isDestroyed()).toBe(true);
  });

  it('asks once at a time, and without a parent when the window is hidden', async () => {
    const { window } = install();
    window.hide();
    let answer: (value: { response: number; checkboxChecked: boolean }) => void = () => undefined;
    dialog.showMessageBox.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    expect(beforeQuit().defaultPrevented).toBe(true);
    expect(beforeQuit().defaultPrevented).toBe(true);
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(dialog.showMessageBox.mock.calls[0]?.[0]).toMatchObject({ type: 'question' });
    answer({ response: 1, checkboxChecked: false });
    await answered();
    beforeQuit();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('never holds up a system shutdown', () => {
    install();
    powerMonitor.emit('shutdown');
    expect(beforeQuit().defaultPrevented).toBe(false);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('uninstalling removes every listener', () => {
    const { window, uninstall } = install();
    uninstall();
    expect(window.listenerCount('close')).toBe(0);
    expect(app.listenerCount('before-quit')).toBe(0);
    expect(powerMonitor.listenerCount('shutdown')).toBe(0);
    window.close();
    expect(window.isDestroyed()).toBe(true);
  });
});
