import { describe, expect, it } from 'vitest';
import { notesOf } from './notification-sounds';
import { recordingAnnouncement, RepeatGuard, shouldJoinMuted, shouldPlayPresenceSound } from './call-notices';

describe('call notices', () => {
  it('plays join and leave sounds only in small rooms and when sounds are on', () => {
    expect(shouldPlayPresenceSound(5, 20, true)).toBe(true);
    expect(shouldPlayPresenceSound(20, 20, true)).toBe(false);
    expect(shouldPlayPresenceSound(5, 20, false)).toBe(false);
    expect(shouldPlayPresenceSound(500, undefined, true)).toBe(true);
  });

  it('joins muted from the threshold on', () => {
    expect(shouldJoinMuted(9, 10)).toBe(false);
    expect(shouldJoinMuted(10, 10)).toBe(true);
    expect(shouldJoinMuted(100, undefined)).toBe(false);
    expect(shouldJoinMuted(100, 0)).toBe(false);
  });

  it('announces recording changes once each', () => {
    const none = { status: null, mode: null } as const;
    expect(recordingAnnouncement(none, { status: 'starting', mode: 'screen_recording' })).toBeNull();
    expect(recordingAnnouncement({ status: 'starting', mode: 'screen_recording' }, { status: 'started', mode: 'screen_recording' })).toBe('recording.announce.recordingStarted');
    expect(recordingAnnouncement(none, { status: 'started', mode: 'transcript' })).toBe('recording.announce.transcriptStarted');
    expect(recordingAnnouncement({ status: 'started', mode: 'transcript' }, { status: 'started', mode: 'transcript' })).toBeNull();
    expect(recordingAnnouncement({ status: 'started', mode: 'transcript' }, { status: 'saving', mode: 'transcript' })).toBe('recording.announce.saving');
    expect(recordingAnnouncement({ status: 'started', mode: 'transcript' }, none)).toBe('recording.announce.stopped');
    expect(recordingAnnouncement({ status: 'saving', mode: 'transcript' }, none)).toBeNull();
    expect(recordingAnnouncement({ status: 'starting', mode: 'transcript' }, { status: 'aborted', mode: 'transcript' })).toBe('recording.announce.aborted');
  });

  it('lets one notice through per window', () => {
    const guard = new RepeatGuard(3000);
    expect(guard.allow(1000)).toBe(true);
    expect(guard.allow(2000)).toBe(false);
    expect(guard.allow(4500)).toBe(true);
  });
});

describe('notification sounds', () => {
  it('rises for an arrival and falls for a departure', () => {
    const [joinFirst, joinSecond] = notesOf('join');
    const [leaveFirst, leaveSecond] = notesOf('leave');
    expect(joinSecond!.frequency).toBeGreaterThan(joinFirst!.frequency);
    expect(leaveSecond!.frequency).toBeLessThan(leaveFirst!.frequency);
  });
});
