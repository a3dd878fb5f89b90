// Applies the close policy: the window's close hides it during a call, and the app's quit asks
// first during a call. The quit flag is shared with the rest of the app through `isQuitting`.
import { app, dialog, powerMonitor, type BrowserWindow } from 'electron';
import { decideQuit, decideWindowClose, hiddenDuringCallNotice, quitConfirmation } from './close-policy';
import type { Language } from '../../../common/languages';

export interface ClosePolicyAdapterOptions {
  window: BrowserWindow;
  inCall(): boolean;
  language(): Language;
  /** Ends the call cleanly before the app goes (the renderer leaves the room). */
  leaveCall(): void;
  inform(message: { title: string; body: string }): void;
}

export function installClosePolicy(options: ClosePolicyAdapterOptions): () => void {
  let quitting = false;
  let confirmed = false;
  let systemShutdown = false;
  let asking = false;
  let toldAboutTray = false;
  const { window } = options;

  const onClose = (event: Electron.Event) => {
    if (decideWindowClose({ inCall: options.inCall(), quitting }) === 'close') return;
    event.preventDefault();
    window.hide();
    if (!toldAboutTray) {
      toldAboutTray = true;
      options.inform(hiddenDuringCallNotice(options.language()));
    }
  };

  const onBeforeQuit = (event: Electron.Event) => {
    if (decideQuit({ inCall: options.inCall(), confirmed, systemShutdown }) === 'quit') {
      quitting = true;
      return;
    }
    event.preventDefault();
    if (asking) return;
    asking = true;
    const text = quitConfirmation(options.language());
    const question = {
      type: 'question' as const,
      message: text.message,
      detail: text.detail,
      buttons: [text.quit, text.cancel],
      defaultId: 1,
      cancelId: 1,
    };
    // A dialog attached to a hidden window (quit from the tray) would be hidden with it.
    const ask = window.isVisible() ? dialog.showMessageBox(window, question) : dialog.showMessageBox(question);
    void ask
      .then(({ response }) => {
        if (response !== 0) return;
        confirmed = true;
        options.leaveCall();
        app.quit();
      })
      .finally(() => {
        asking = false;
      });
  };

  const onShutdown = () => {
    systemShutdown = true;
  };

  window.on('close', onClose);
  app.on('before-quit', onBeforeQuit);
  powerMonitor.on('shutdown', onShutdown);
  return () => {
    window.off('close', onClose);
    app.off('before-quit', onBeforeQuit);
    powerMonitor.off('shutdown', onShutdown);
  };
}
