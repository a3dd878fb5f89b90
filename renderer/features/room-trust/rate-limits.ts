// Bounds on how often others can make the app act: a coalesced call (many requests, at most
// one call per interval, the last request never lost) and a per-sender sliding window.

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Coalescer {
  private lastCall = Number.NEGATIVE_INFINITY;
  private pending: unknown = null;
  private stopped = false;

  constructor(
    private readonly action: () => void,
    private readonly minIntervalMs: number,
    private readonly clock: Clock = realClock,
  ) {}

  request(): void {
    if (this.stopped || this.pending !== null) return;
    const wait = this.lastCall + this.minIntervalMs - this.clock.now();
    if (wait <= 0) {
      this.run();
      return;
    }
    this.pending = this.clock.setTimeout(() => {
      this.pending = null;
      if (!this.stopped) this.run();
    }, wait);
  }

  stop(): void {
    this.stopped = true;
    if (this.pending !== null) this.clock.clearTimeout(this.pending);
    this.pending = null;
  }

  private run(): void {
    this.lastCall = this.clock.now();
    this.action();
  }
}

export class SenderRateLimit {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly maxPerWindow: number,
    private readonly windowMs: number,
    private readonly maxSenders = 1000,
  ) {}

  allow(sender: string, now: number): boolean {
    const times = (this.recent.get(sender) ?? []).filter((time) => now - time < this.windowMs);
    if (times.length >= this.maxPerWindow) {
      this.recent.set(sender, times);
      return false;
    }
    times.push(now);
    this.recent.delete(sender);
    this.recent.set(sender, times);
    // Oldest senders first in a Map: forgetting them bounds memory whatever identities arrive.
    while (this.recent.size > this.maxSenders) this.recent.delete(this.recent.keys().next().value as string);
    return true;
  }
}
