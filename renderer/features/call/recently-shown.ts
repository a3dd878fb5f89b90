// Videos that left the screen a moment ago stay received for a while: a side panel opened and
// closed again, or a page turned back, shows them at once instead of black tiles waiting for the
// server's next key frame, and the room's signalling is not asked to drop and add them again.

/** How long a video that left the screen stays subscribed. */
export const KEEP_AFTER_SHOWN_MS = 10_000;

export class RecentlyShown {
  private readonly lastShownAt = new Map<string, number>();

  constructor(private readonly keepMs = KEEP_AFTER_SHOWN_MS) {}

  /** Notes what is on screen at `now`; returns what to keep received: on screen, or left it less than keepMs ago. */
  update(onScreen: Iterable<string>, now: number): Set<string> {
    for (const key of onScreen) this.lastShownAt.set(key, now);
    const kept = new Set<string>();
    for (const [key, shownAt] of this.lastShownAt) {
      if (now - shownAt < this.keepMs) kept.add(key);
      else this.lastShownAt.delete(key);
    }
    return kept;
  }

  /** When the next kept video that is off screen should be let go, if any. */
  nextExpiry(onScreen: ReadonlySet<string>): number | undefined {
    let next: number | undefined;
    for (const [key, shownAt] of this.lastShownAt) {
      if (onScreen.has(key)) continue;
      const expiry = shownAt + this.keepMs;
      if (next === undefined || expiry < next) next = expiry;
    }
    return next;
  }
}
