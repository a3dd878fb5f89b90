// The mini call window: small, always on top, shown while the main window is hidden or minimized
// during a call. This core decides when it exists. On the desktop the Electron adapter asks the
// call page to open it (the page fills it with the speaker's video and its controls, see
// renderer/features/pip/), so the view and commands stay in the page; in a plain browser the same
// controller feeds a mini page the user opened (see renderer/platform/mini-broadcast.ts) with a
// view and takes its commands, and that page's window is always "open" as far as it knows.
import { idleCallState, type CallState } from './call-state';
import { miniViewOf, noSpeaker, type CallSpeaker, type MiniCommand, type MiniView } from './mini-window';
import type { Language } from './profile';

export interface MiniWindowPort {
  /** Has the window made and shown without taking the focus. */
  open(): void;
  /** Closes the window made by `open` (not reported as closed by the user). */
  close(): void;
  isOpen(): boolean;
  send(view: MiniView): void;
}

export interface MiniWindowDeps {
  /** The setting (user or machine policy): off means the window never appears. */
  enabled(): boolean;
  /** The main window is shown and not minimized. */
  mainWindowVisible(): boolean;
  language(): Language;
  /** Forwards a call command to the main window's page, which owns the call. */
  sendCommand(command: Exclude<MiniCommand, 'show-main'>): void;
  showMain(): void;
}

export interface MiniWindowConditions {
  enabled: boolean;
  call: CallState;
  mainWindowVisible: boolean;
  /** The user closed the mini window during this hiding of the main window. */
  dismissed: boolean;
}

/** Only a call under way (not the prejoin, not the lobby) with the main window out of sight. */
export function miniWindowWanted(conditions: MiniWindowConditions): boolean {
  return conditions.enabled && conditions.call.state === 'in-call' && !conditions.mainWindowVisible && !conditions.dismissed;
}

export class MiniWindowController {
  private call: CallState = idleCallState;
  private speaker: CallSpeaker = noSpeaker;
  private dismissed = false;
  private lastSent: string | null = null;

  constructor(
    private readonly port: MiniWindowPort,
    private readonly deps: MiniWindowDeps,
  ) {}

  onCallState(state: CallState): void {
    const wasInCall = this.call.state === 'in-call';
    this.call = { ...state };
    if (wasInCall && state.state !== 'in-call') {
      // The next call starts fresh: nobody has spoken yet, and a dismissed window may come back.
      this.speaker = noSpeaker;
      this.dismissed = false;
    }
    this.reconcile();
    this.push();
  }

  onSpeaker(speaker: CallSpeaker): void {
    this.speaker = { ...speaker };
    this.push();
  }

  /** The main window was shown, hidden, minimized or restored. */
  onMainWindowVisibilityChanged(): void {
    if (this.deps.mainWindowVisible()) this.dismissed = false;
    this.reconcile();
  }

  /** The mini window's page has loaded: it gets the whole view, even if unchanged. */
  onReady(): void {
    this.lastSent = null;
    this.push();
  }

  /** The user (or the system) closed the mini window: it stays away until the main window is seen again. */
  onClosedByUser(): void {
    // A window that goes with the call's end is no refusal for the next call.
    if (this.call.state !== 'in-call') return;
    this.dismissed = true;
    this.lastSent = null;
  }

  command(command: MiniCommand): void {
    if (command === 'show-main') {
      this.deps.showMain();
      // The main window is in sight from now on: the mini window goes at once, without waiting
      // for the window system to report it.
      this.onMainWindowVisibilityChanged();
      return;
    }
    // A late click once the call is over must not start anything.
    if (this.call.state !== 'in-call') return;
    this.deps.sendCommand(command);
  }

  view(): MiniView {
    return miniViewOf(this.call, this.speaker, this.deps.language());
  }

  private reconcile(): void {
    const wanted = miniWindowWanted({
      enabled: this.deps.enabled(),
      call: this.call,
      mainWindowVisible: this.deps.mainWindowVisible(),
      dismissed: this.dismissed,
    });
    if (wanted && !this.port.isOpen()) {
      this.lastSent = null;
      this.port.open();
    } else if (!wanted && this.port.isOpen()) {
      this.port.close();
      this.lastSent = null;
    }
  }

  private push(): void {
    if (!this.port.isOpen()) return;
    const view = this.view();
    const key = JSON.stringify(view);
    if (key === this.lastSent) return;
    this.lastSent = key;
    this.port.send(view);
  }
}
