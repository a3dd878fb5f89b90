import { describe, expect, it } from 'vitest';
import { MediaStallDetector, type MediaSample } from './media-stall';

const sample = (at: number, receivedBytes: number, extra: Partial<MediaSample> = {}): MediaSample => ({
  at,
  receivedBytes,
  expectingMedia: true,
  iceStates: ['connected'],
  ...extra,
});

describe('MediaStallDetector', () => {
  it('stays calm while bytes keep arriving', () => {
    const detector = new MediaStallDetector(1_200, 1_000);
    for (let at = 0; at <= 5_000; at += 500) expect(detector.update(sample(at, at * 10))).toBe(false);
  });

  it('flags media that stopped arriving, and clears once it flows again for a while', () => {
    const detector = new MediaStallDetector(1_200, 1_000);
    detector.update(sample(0, 100));
    expect(detector.update(sample(1_000, 100))).toBe(false);
    expect(detector.update(sample(1_500, 100))).toBe(true);
    expect(detector.update(sample(2_000, 200))).toBe(true);
    expect(detector.update(sample(2_500, 300))).toBe(false);
  });

  it('never flags a room where nothing is expected to arrive', () => {
    const detector = new MediaStallDetector(1_200, 1_000);
    for (let at = 0; at <= 10_000; at += 500) expect(detector.update(sample(at, 42, { expectingMedia: false }))).toBe(false);
  });

  it('flags a lost ICE path even when nothing is expected', () => {
    const detector = new MediaStallDetector(1_200, 1_000);
    expect(detector.update(sample(0, 0, { expectingMedia: false, iceStates: ['connected', 'disconnected'] }))).toBe(true);
  });

  it('takes new peer connections (fewer bytes) for a fresh start', () => {
    const detector = new MediaStallDetector(1_200, 1_000);
    detector.update(sample(0, 5_000));
    expect(detector.update(sample(1_000, 10))).toBe(false);
    expect(detector.update(sample(2_000, 20))).toBe(false);
  });

  it('does not count the time before media was expected as a stall', () => {
    const detector = new MediaStallDetector(1_200, 1_000);
    detector.update(sample(0, 0, { expectingMedia: false }));
    detector.update(sample(5_000, 0, { expectingMedia: false }));
    expect(detector.update(sample(5_500, 0))).toBe(false);
    expect(detector.update(sample(7_000, 0))).toBe(true);
  });

  it('says the path is lost once ICE stayed lost for a while with the media stalled, and forgets it when ICE is back', () => {
    const detector = new MediaStallDetector(1_200, 1_000, 1_500);
    const lost = { iceStates: ['disconnected'] as RTCIceConnectionState[] };
    expect(detector.health(sample(0, 100))).toEqual({ stalled: false, pathLost: false });
    expect(detector.health(sample(500, 100, lost))).toEqual({ stalled: true, pathLost: false });
    expect(detector.health(sample(1_500, 100, lost))).toEqual({ stalled: true, pathLost: false });
    expect(detector.health(sample(2_000, 100, lost))).toEqual({ stalled: true, pathLost: true });
    // ICE back: the media is still stalled for a while, the path is not lost any more.
    expect(detector.health(sample(2_500, 100))).toEqual({ stalled: true, pathLost: false });
    // Lost again: counted afresh.
    expect(detector.health(sample(3_000, 100, { iceStates: ['failed'] }))).toEqual({ stalled: true, pathLost: false });
  });

  it('says the path is lost as soon as two ICE checks in a row go unanswered with the media stalled', () => {
    const detector = new MediaStallDetector(1_200, 1_000, 1_500, 2);
    const checks = (checksSent: number, checksAnswered: number) => ({ checksSent, checksAnswered });
    detector.health(sample(0, 100, checks(10, 10)));
    // Media stopped; the server still answers its checks (a remote camera gone, not the server).
    expect(detector.health(sample(1_500, 100, checks(12, 12)))).toEqual({ stalled: true, pathLost: false });
    expect(detector.health(sample(2_000, 100, checks(13, 12)))).toEqual({ stalled: true, pathLost: false });
    expect(detector.health(sample(2_500, 100, checks(14, 12)))).toEqual({ stalled: true, pathLost: true });
    // An answer again: the path is back, whatever ICE's state says.
    expect(detector.health(sample(3_000, 100, checks(15, 13)))).toEqual({ stalled: true, pathLost: false });
  });

  it('ends a lost path at the first sample where bytes arrive, before the stall itself clears', () => {
    const detector = new MediaStallDetector(1_200, 1_000, 1_500, 2);
    detector.health(sample(0, 100, { checksSent: 10, checksAnswered: 10 }));
    expect(detector.health(sample(1_500, 100, { checksSent: 14, checksAnswered: 10 }))).toEqual({ stalled: true, pathLost: true });
    expect(detector.health(sample(2_000, 900, { checksSent: 15, checksAnswered: 10 }))).toEqual({ stalled: true, pathLost: false });
  });

  it('never calls unanswered checks a lost path while the media flows, nor counts a new candidate pair as unanswered', () => {
    const detector = new MediaStallDetector(1_200, 1_000, 1_500, 2);
    detector.health(sample(0, 100, { checksSent: 10, checksAnswered: 10 }));
    expect(detector.health(sample(500, 200, { checksSent: 14, checksAnswered: 10 }))).toEqual({ stalled: false, pathLost: false });
    const fresh = new MediaStallDetector(1_200, 1_000, 1_500, 2);
    fresh.health(sample(0, 100, { checksSent: 40, checksAnswered: 40 }));
    // New peer connections: the counters start again from nothing.
    fresh.health(sample(500, 10, { checksSent: 1, checksAnswered: 0 }));
    expect(fresh.health(sample(2_000, 10, { checksSent: 2, checksAnswered: 0 }))).toEqual({ stalled: true, pathLost: false });
  });
});
