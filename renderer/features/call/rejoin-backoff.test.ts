import { describe, expect, it, vi } from 'vitest';
import { nextRejoinDelayMs, rejoinAnswerTimeoutMs, rejoinDelayMs, sdkReconnectPolicy, SkippableWait } from './rejoin-backoff';

describe('rejoinDelayMs', () => {
  it('tries again at once first', () => {
    expect(rejoinDelayMs(0, () => 0.99)).toBe(0);
  });

  it('tries every half second for the next few seconds', () => {
    expect(rejoinDelayMs(1, () => 0)).toBe(375);
    expect(rejoinDelayMs(1, () => 1)).toBe(625);
    expect(rejoinDelayMs(6, () => 0.5)).toBe(500);
  });

  it('then waits longer and longer, spread around each step, up to a ceiling', () => {
    expect(rejoinDelayMs(7, () => 0)).toBe(750);
    expect(rejoinDelayMs(7, () => 1)).toBe(1250);
    expect(rejoinDelayMs(9, () => 0.5)).toBe(4000);
    expect(rejoinDelayMs(20, () => 0.5)).toBe(15_000);
    expect(rejoinDelayMs(20, () => 1)).toBe(18_750);
  });

  it('never gives two retries of the same step the same wait when the draws differ', () => {
    expect(rejoinDelayMs(2, () => 0.1)).not.toBe(rejoinDelayMs(2, () => 0.9));
    expect(rejoinDelayMs(8, () => 0.1)).not.toBe(rejoinDelayMs(8, () => 0.9));
  });
});

describe('rejoinAnswerTimeoutMs', () => {
  it('gives up on a join unanswered for 2 s in the first seconds after the loss', () => {
    expect(rejoinAnswerTimeoutMs(0)).toBe(1_000);
    expect(rejoinAnswerTimeoutMs(2_100)).toBe(1_000);
    expect(rejoinAnswerTimeoutMs(4_900)).toBe(1_000);
  });

  it('leaves later attempts the whole connection timeout, for slow links', () => {
    expect(rejoinAnswerTimeoutMs(5_000)).toBeUndefined();
    expect(rejoinAnswerTimeoutMs(60_000)).toBeUndefined();
  });
});

describe('nextRejoinDelayMs', () => {
  it('joins again at once after a join given up unanswered', () => {
    expect(nextRejoinDelayMs(1, true, () => 0.5)).toBe(0);
    expect(nextRejoinDelayMs(9, true, () => 0.5)).toBe(0);
  });

  it('otherwise waits as rejoinDelayMs says', () => {
    expect(nextRejoinDelayMs(1, false, () => 0.5)).toBe(rejoinDelayMs(1, () => 0.5));
    expect(nextRejoinDelayMs(9, false, () => 0.5)).toBe(4_000);
  });
});

describe('SkippableWait', () => {
  it('resolves when the time is up, or at once when skipped', async () => {
    vi.useFakeTimers();
    try {
      const wait = new SkippableWait();
      let done = false;
      void wait.wait(10_000).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(5_000);
      expect(done).toBe(false);
      expect(wait.skip()).toBe(true);
      await vi.advanceTimersByTimeAsync(0);
      expect(done).toBe(true);
      expect(wait.skip()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('sdkReconnectPolicy', () => {
  it('retries at once, then about every second, and hands over after 10 s', () => {
    expect(sdkReconnectPolicy.nextRetryDelayInMs({ retryCount: 0, elapsedMs: 0 })).toBe(0);
    for (let retryCount = 1; retryCount < 10; retryCount++) {
      const delay = sdkReconnectPolicy.nextRetryDelayInMs({ retryCount, elapsedMs: retryCount * 1_000 });
      expect(delay).toBeGreaterThan(0);
      expect(delay).toBeLessThanOrEqual(1_250);
    }
    expect(sdkReconnectPolicy.nextRetryDelayInMs({ retryCount: 12, elapsedMs: 10_001 })).toBeNull();
  });
});
