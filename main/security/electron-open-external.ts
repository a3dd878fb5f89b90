// The one way a link leaves the app for the system browser or mail client: the open-external
// policy first, then, for a host on this machine, a private network or imitating another name, a
// question naming the real host. Nothing is opened unless the user says so.
import { dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { Language } from '../../common/profile';
import { linkConfirmationText, linkHostWarning } from './link-host-warning';
import { decideOpenExternal, type OpenExternalRefusal } from './open-external-policy';

export type OpenExternalOutcome = { opened: true } | { opened: false; reason: OpenExternalRefusal | 'declined' };

export type ExternalOpener = (url: string) => Promise<OpenExternalOutcome>;

export function createExternalOpener(options: { language: () => Language; parent: () => BrowserWindow | null }): ExternalOpener {
  return async (raw) => {
    const decision = decideOpenExternal(raw);
    if (!decision.allowed) return { opened: false, reason: decision.reason };
    const warning = linkHostWarning(decision.url);
    if (warning) {
      const text = linkConfirmationText(warning, options.language());
      const question: MessageBoxOptions = {
        type: 'warning',
        message: text.message,
        detail: text.detail,
        buttons: [text.cancel, text.open],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      };
      const parent = options.parent();
      const { response } = await (parent ? dialog.showMessageBox(parent, question) : dialog.showMessageBox(question));
      if (response !== 1) return { opened: false, reason: 'declined' };
    }
    await shell.openExternal(decision.url);
    return { opened: true };
  };
}
