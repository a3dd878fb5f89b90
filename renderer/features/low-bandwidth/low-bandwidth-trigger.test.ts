import { describe, expect, it } from 'vitest';
import { ENTER_MS, LEAVE_MS, LowBandwidthTrigger, type LinkQuality } from './low-bandwidth-trigger';

function feed(trigger: LowBandwidthTrigger, from: number, to: number, quality: LinkQuality, mediaStalled = false): boolean {
  let active = trigger.isActive;
  for (let at = from; at <= to; at += 500) active = trigger.update({ at, quality, mediaStalled });
  return active;
}

describe('LowBandwidthTrigger', () => {
  it('enters once the link has been poor for ENTER_MS without a break', () => {
    const trigger = new LowBandwidthTrigger();
    expect(feed(trigger, 0, ENTER_MS - 500, 'poor')).toBe(false);
    expect(trigger.update({ at: ENTER_MS, quality: 'poor', mediaStalled: false })).toBe(true);
  });

  it('does not enter on short dips', () => {
    const trigger = new LowBandwidthTrigger();
    for (let start = 0; start < 60_000; start += ENTER_MS) {
      feed(trigger, start, start + ENTER_MS - 1_500, 'poor');
      feed(trigger, start + ENTER_MS - 1_000, start + ENTER_MS - 500, 'good');
    }
    expect(trigger.isActive).toBe(false);
  });

  it('enters when the media watchdog sees the media stop, or the link is lost', () => {
    expect(feed(new LowBandwidthTrigger(), 0, ENTER_MS, 'excellent', true)).toBe(true);
    expect(feed(new LowBandwidthTrigger(), 0, ENTER_MS, 'lost')).toBe(true);
  });

  it('stays in while the link is good for less than LEAVE_MS, and leaves after', () => {
    const trigger = new LowBandwidthTrigger();
    feed(trigger, 0, ENTER_MS, 'poor');
    const start = ENTER_MS + 500;
    expect(feed(trigger, start, start + LEAVE_MS - 500, 'good')).toBe(true);
    expect(trigger.update({ at: start + LEAVE_MS, quality: 'good', mediaStalled: false })).toBe(false);
  });

  it('starts counting the good time again after each bad sample', () => {
    const trigger = new LowBandwidthTrigger();
    feed(trigger, 0, ENTER_MS, 'poor');
    feed(trigger, 10_000, 10_000 + LEAVE_MS - 1_000, 'excellent');
    trigger.update({ at: 10_000 + LEAVE_MS - 500, quality: 'poor', mediaStalled: false });
    expect(feed(trigger, 10_000 + LEAVE_MS, 10_000 + 2 * LEAVE_MS - 500, 'excellent')).toBe(true);
    expect(trigger.update({ at: 10_000 + 2 * LEAVE_MS, quality: 'excellent', mediaStalled: false })).toBe(false);
  });

  it('counts an unknown rating neither way', () => {
    const trigger = new LowBandwidthTrigger();
    expect(feed(trigger, 0, 60_000, 'unknown')).toBe(false);
    feed(trigger, 60_500, 60_500 + ENTER_MS, 'poor');
    expect(feed(trigger, 70_000, 70_000 + 2 * LEAVE_MS, 'unknown')).toBe(true);
  });

  it('forgets everything on reset', () => {
    const trigger = new LowBandwidthTrigger();
    feed(trigger, 0, ENTER_MS, 'poor');
    trigger.reset();
    expect(trigger.isActive).toBe(false);
    expect(trigger.update({ at: ENTER_MS + 500, quality: 'poor', mediaStalled: false })).toBe(false);
  });
});
