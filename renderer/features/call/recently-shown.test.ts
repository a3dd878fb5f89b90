import { describe, expect, it } from 'vitest';
import { RecentlyShown } from './recently-shown';

describe('RecentlyShown', () => {
  it('keeps what is on screen, and what left it for the grace period only', () => {
    const recent = new RecentlyShown(10_000);
    expect(recent.update(['a', 'b', 'c'], 0)).toEqual(new Set(['a', 'b', 'c']));
    // A panel opens: c leaves the page.
    expect(recent.update(['a', 'b'], 1_000)).toEqual(new Set(['a', 'b', 'c']));
    expect(recent.nextExpiry(new Set(['a', 'b']))).toBe(10_000);
    expect(recent.update(['a', 'b'], 9_999)).toEqual(new Set(['a', 'b', 'c']));
    expect(recent.update(['a', 'b'], 10_000)).toEqual(new Set(['a', 'b']));
    expect(recent.nextExpiry(new Set(['a', 'b']))).toBeUndefined();
  });

  it('starts the grace again each time a video is back on screen', () => {
    const recent = new RecentlyShown(10_000);
    recent.update(['a'], 0);
    recent.update([], 5_000);
    recent.update(['a'], 8_000);
    expect(recent.update([], 17_000)).toEqual(new Set(['a']));
    expect(recent.nextExpiry(new Set())).toBe(18_000);
    expect(recent.update([], 18_000)).toEqual(new Set());
  });
});
