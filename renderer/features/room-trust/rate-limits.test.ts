import { describe, expect, it } from 'vitest';
import { DropLog } from './drop-log';
import { Coalescer, SenderRateLimit, type Clock } from './rate-limits';

class FakeClock implements Clock {
  time = 0;
  private timers: { at: number; callback: () => void; handle: number }[] = [];
  private nextHandle = 1;

  now = () => this.time;

  setTimeout = (callback: () => void, ms: number) => {
    const handle = this.nextHandle++;
    this.timers.push({ at: this.time + ms, callback, handle });
    return handle;
  };

  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((timer) => timer.handle !== handle);
  };

  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = due.at;
      due.callback();
    }
    this.time = until;
  }
}

describe('coalesced calls', () => {
  it('makes at most one call per interval however many requests arrive, and never loses the last', () => {
    const clock = new FakeClock();
    const calls: number[] = [];
    const coalescer = new Coalescer(() => calls.push(clock.now()), 1000, clock);
    for (let index = 0; index < 500; index += 1) {
      coalescer.request();
      clock.advance(5);
    }
    clock.advance(2000);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.length).toBeLessThanOrEqual(4);
    for (let index = 1; index < calls.length; index += 1) expect((calls[index] ?? 0) - (calls[index - 1] ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(calls.at(-1)).toBeGreaterThanOrEqual(2495);
  });

  it('calls at once when the last call is old, and never after being stopped', () => {
    const clock = new FakeClock();
    let calls = 0;
    const coalescer = new Coalescer(() => (calls += 1), 1000, clock);
    coalescer.request();
    expect(calls).toBe(1);
    coalescer.request();
    coalescer.stop();
    clock.advance(5000);
    coalescer.request();
    expect(calls).toBe(1);
  });
});

describe('per-sender rate limit', () => {
  it('lets a few through per window and per sender, then drops', () => {
    const limit = new SenderRateLimit(5, 3000);
    const allowed = Array.from({ length: 20 }, () => limit.allow('mallory', 0)).filter(Boolean);
    expect(allowed).toHaveLength(5);
    expect(limit.allow('alice', 0)).toBe(true);
    expect(limit.allow('mallory', 2999)).toBe(false);
    expect(limit.allow('mallory', 3000)).toBe(true);
  });

  it('forgets old senders so memory stays bounded', () => {
    const limit = new SenderRateLimit(1, 3000, 10);
    for (let index = 0; index < 100; index += 1) limit.allow(`sender-${index}`, 0);
    expect(limit.allow('sender-0', 1)).toBe(true);
    expect(limit.allow('sender-99', 1)).toBe(false);
  });
});

describe('drop log', () => {
  it('counts every refusal and logs each kind once', () => {
    const lines: string[] = [];
    const log = new DropLog((line) => lines.push(line));
    for (let index = 0; index < 500; index += 1) log.record('notification', 'sender', 'member');
    log.record('chat', 'size', 'member');
    expect(log.count()).toBe(501);
    expect(log.count('notification')).toBe(500);
    expect(lines).toHaveLength(2);
  });
});
