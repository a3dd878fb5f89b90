// The small "you are sharing — Stop" window: shown while a share is live, hidden otherwise.
// Stop asks the renderer to end the share and waits for the call state to say it ended, so the
// window never claims a share is over while LiveKit still publishes it.
import type { CallState } from '../call-state';
import type { Language } from '../../../common/languages';

export type ShareIndicatorPhase = 'hidden' | 'sharing' | 'stopping';

export type ShareIndicatorEffect = 'show' | 'hide' | 'request-stop';

export interface ShareIndicatorTransition {
  phase: ShareIndicatorPhase;
  effects: ShareIndicatorEffect[];
}

export function onCallStateChanged(phase: ShareIndicatorPhase, state: CallState): ShareIndicatorTransition {
  const sharing = state.sharing && state.state === 'in-call';
  if (sharing && phase === 'hidden') return { phase: 'sharing', effects: ['show'] };
  if (!sharing && phase !== 'hidden') return { phase: 'hidden', effects: ['hide'] };
  return { phase, effects: [] };
}

export function onStopClicked(phase: ShareIndicatorPhase): ShareIndicatorTransition {
  if (phase === 'sharing') return { phase: 'stopping', effects: ['request-stop'] };
  return { phase, effects: [] };
}

/** The window was closed by the system (not by us): asking to stop is the only honest reading. */
export function onIndicatorClosed(phase: ShareIndicatorPhase): ShareIndicatorTransition {
  if (phase === 'sharing') return { phase: 'stopping', effects: ['request-stop'] };
  return { phase, effects: [] };
}

/** The in-page link the indicator page follows when Stop is pressed (no preload, no IPC). */
export const stopFragment = '#stop';

export function isStopNavigation(url: string): boolean {
  try {
    return new URL(url).hash === stopFragment;
  } catch {
    return false;
  }
}

/** The indicator page in the user's language (share-indicator-page.ts), served by the app protocol. */
export function shareIndicatorUrlFor(appOrigin: string, language: Language): string {
  return `${appOrigin}/share-indicator.${language}.html`;
}
