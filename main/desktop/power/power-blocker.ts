// Keeps the display awake during a call (a screen going dark mid-meeting is what users notice
// first) and lets it sleep again as soon as the call ends or the app quits.
import { isInCall, type CallState } from '../call-state';

export interface PowerSaveBlockerPort {
  start(type: 'prevent-display-sleep'): number;
  stop(id: number): void;
  isStarted(id: number): boolean;
}

export class PowerBlocker {
  private blockerId: number | null = null;

  constructor(private readonly port: PowerSaveBlockerPort) {}

  onCallState(state: CallState): void {
    if (isInCall(state)) this.hold();
    else this.release();
  }

  /** The app quits: whatever the call state says. */
  onQuit(): void {
    this.release();
  }

  isBlocking(): boolean {
    return this.blockerId !== null && this.port.isStarted(this.blockerId);
  }

  private hold(): void {
    if (this.isBlocking()) return;
    this.blockerId = this.port.start('prevent-display-sleep');
  }

  private release(): void {
    if (this.blockerId === null) return;
    if (this.port.isStarted(this.blockerId)) this.port.stop(this.blockerId);
    this.blockerId = null;
  }
}
