import { describe, expect, it } from 'vitest';
import { DutyCycle } from './duty-cycle';

/** Frames arriving every `interval` ms for one second, each taking `cost` ms when processed. */
function processedFrames(share: number, interval: number, cost: number): number {
  const duty = new DutyCycle(share);
  let processed = 0;
  let busyUntil = 0;
  for (let arrival = 0; arrival < 1000; arrival += interval) {
    const start = Math.max(arrival, busyUntil);
    if (!duty.admits(start)) continue;
    processed++;
    busyUntil = start + cost;
    duty.record(start, busyUntil);
  }
  return processed;
}

describe('the blur’s share of the main thread', () => {
  it('drops nothing on a computer that blurs a frame in a few milliseconds', () => {
    expect(processedFrames(0.5, 1000 / 30, 4)).toBe(30);
  });

  it('leaves half of the time free on a slow one, whatever a frame costs', () => {
    // 500 ms a frame (720p in software WebGL): one frame, then as long again without any.
    expect(processedFrames(0.5, 1000 / 30, 500)).toBe(1);
    // 40 ms a frame at 30 frames a second: at most half the second busy, and still a frame
    // every 100 ms (80 ms of work and rest, rounded up to the next arrival).
    const frames = processedFrames(0.5, 1000 / 30, 40);
    expect(frames * 40).toBeLessThanOrEqual(500);
    expect(frames).toBe(10);
  });

  it('admits the first frame, then waits in proportion to the share', () => {
    const duty = new DutyCycle(0.25);
    expect(duty.admits(0)).toBe(true);
    duty.record(0, 100);
    expect(duty.admits(399)).toBe(false);
    expect(duty.admits(400)).toBe(true);
    expect(() => new DutyCycle(0)).toThrow(RangeError);
    expect(() => new DutyCycle(1.5)).toThrow(RangeError);
  });
});
