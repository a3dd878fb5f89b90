// What closing the window and quitting the app do during a call. Closing the window must not
// drop the call (the first complaint of users of other clients): the window hides and the call
// goes on in the tray. Quitting during a call asks first.
import type { Language } from '../../../common/languages';
import { mainT } from '../../i18n/main-i18n';

export type WindowCloseDecision = 'hide' | 'close';
export type QuitDecision = 'ask' | 'quit';

export interface ClosePolicyState {
  inCall: boolean;
  /** The user already chose to quit (tray Quit, confirmed, or the OS shutting down). */
  quitting: boolean;
}

export function decideWindowClose(state: ClosePolicyState): WindowCloseDecision {
  return state.inCall && !state.quitting ? 'hide' : 'close';
}

export function decideQuit(state: { inCall: boolean; confirmed: boolean; systemShutdown: boolean }): QuitDecision {
  if (!state.inCall || state.confirmed || state.systemShutdown) return 'quit';
  return 'ask';
}

export function quitConfirmation(language: Language): { message: string; detail: string; quit: string; cancel: string } {
  const t = mainT(language);
  return { message: t('quit.message'), detail: t('quit.detail'), quit: t('quit.quit'), cancel: t('quit.cancel') };
}

/** Told once, the first time the window hides during a call, so the user knows where it went. */
export function hiddenDuringCallNotice(language: Language): { title: string; body: string } {
  const t = mainT(language);
  return { title: t('hiddenDuringCall.title'), body: t('hiddenDuringCall.body') };
}
