// What closing the window and quitting the app do during a call. Closing the window must not
// drop the call (the first complaint of users of other clients): the window hides and the call
// goes on in the tray. Quitting during a call asks first.
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

export function quitConfirmation(language: 'fr' | 'en'): { message: string; detail: string; quit: string; cancel: string } {
  return language === 'fr'
    ? {
        message: 'Quitter Visio pendant la réunion ?',
        detail: 'Vous quitterez la réunion en cours.',
        quit: 'Quitter la réunion et Visio',
        cancel: 'Rester dans la réunion',
      }
    : {
        message: 'Quit Visio during the meeting?',
        detail: 'You will leave the current meeting.',
        quit: 'Leave the meeting and quit',
        cancel: 'Stay in the meeting',
      };
}

/** Told once, the first time the window hides during a call, so the user knows where it went. */
export function hiddenDuringCallNotice(language: 'fr' | 'en'): { title: string; body: string } {
  return language === 'fr'
    ? { title: 'La réunion continue', body: 'Visio reste actif dans la zone de notification. Cliquez sur son icône pour revenir.' }
    : { title: 'The meeting goes on', body: 'Visio keeps running in the notification area. Click its icon to come back.' };
}
