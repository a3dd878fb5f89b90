// Who really left. While a connection is re-established (ours or theirs), LiveKit reports the
// other participants as gone and then as arrived again; announcing that would tell everyone
// "X a quitté la réunion" about people who never left. A departure is therefore held, keyed by
// identity, and announced only once it is clear the person is not coming back. Every departure:
// a client starting a full reconnection tells the server it leaves, exactly as one leaving does.

/** How long a departure of someone else waits for them to come back. */
export const LEAVE_HOLD_MS = 10_000;
/** After our own reconnection, how long the people we lost meanwhile have to show up again. */
export const RECONNECT_GRACE_MS = 15_000;

interface Held {
  name: string;
  /** Epoch ms after which the departure is announced; Infinity while we are reconnecting. */
  until: number;
}

export interface Departure {
  identity: string;
  name: string;
}

export class PresenceGrace {
  private readonly held = new Map<string, Held>();
  private reconnecting = false;

  constructor(
    private readonly holdMs = LEAVE_HOLD_MS,
    private readonly graceMs = RECONNECT_GRACE_MS,
  ) {}

  /**
   * Our connection is being re-established: everyone still in the room (`present`; a fresh join
   * will not report them gone) and everyone reported gone meanwhile is held.
   */
  reconnectStarted(present: readonly Departure[] = []): void {
    this.reconnecting = true;
    for (const { identity, name } of present) if (!this.held.has(identity)) this.held.set(identity, { name, until: Infinity });
    for (const entry of this.held.values()) entry.until = Infinity;
  }

  /** We are back: those still held have a grace window to show up again. */
  reconnectEnded(now: number): void {
    if (!this.reconnecting) return;
    this.reconnecting = false;
    for (const entry of this.held.values()) entry.until = Math.max(now + this.graceMs, entry.until === Infinity ? 0 : entry.until);
  }

  /** Someone was reported gone: held until `due` says the departure is certain. */
  left(identity: string, name: string, now: number): void {
    this.held.set(identity, { name, until: this.reconnecting ? Infinity : now + this.holdMs });
  }

  /** Someone was reported arrived; false when they are only coming back and nothing is to be said. */
  joined(identity: string): boolean {
    return !this.held.delete(identity);
  }

  /**
   * The held departures now certain, removed from the held ones. Someone back in the room
   * (`isPresent`) stays held until their time is up all the same: livekit-client lists a returning
   * person while it reconnects but reports their arrival only once it is connected again, and
   * that report must find them held.
   */
  due(now: number, isPresent: (identity: string) => boolean): Departure[] {
    const departures: Departure[] = [];
    for (const [identity, entry] of this.held) {
      if (entry.until > now) continue;
      this.held.delete(identity);
      if (!isPresent(identity)) departures.push({ identity, name: entry.name });
    }
    return departures;
  }

  reset(): void {
    this.held.clear();
    this.reconnecting = false;
  }
}

/** The call's one instance: it outlives the LiveKit room objects a rejoin replaces. */
export const presenceGrace = new PresenceGrace();
