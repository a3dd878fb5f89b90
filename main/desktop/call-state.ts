// The call state the renderer reports through `call:state`: the tray, the close policy, the power
// blocker and the updater all decide from it, so it lives in one place and is pushed to them.
import { idleCallState, type CallState } from '../../common/call-state';

export { idleCallState, type CallState };

/** In a call as far as the desktop is concerned: leaving the window or the app would drop it. */
export function isInCall(state: CallState): boolean {
  return state.state === 'in-call' || state.state === 'lobby';
}

export class CallStateStore {
  private state: CallState = idleCallState;
  private readonly listeners = new Set<(state: CallState, previous: CallState) => void>();

  current(): CallState {
    return this.state;
  }

  update(next: CallState): void {
    const previous = this.state;
    this.state = { ...next };
    for (const listener of this.listeners) listener(this.state, previous);
  }

  subscribe(listener: (state: CallState, previous: CallState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
