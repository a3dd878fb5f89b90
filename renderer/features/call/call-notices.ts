// The rules behind in-call notices, apart from the UI so they can be tested: when a join or
// leave makes a sound, when someone joins muted, which recording change is worth announcing.
import type { RecordingState } from '../recording/recording-status';

/** Meet's web app stays quiet in large rooms: a sound per arrival would be noise. */
export function shouldPlayPresenceSound(participantCount: number, maxParticipantsForSound: number | undefined, soundsEnabled: boolean): boolean {
  if (!soundsEnabled) return false;
  if (maxParticipantsForSound === undefined) return true;
  return participantCount < maxParticipantsForSound;
}

/** `auto_mute_on_join_threshold`: joining a room that already holds that many people starts muted. */
export function shouldJoinMuted(participantsAlreadyInRoom: number, threshold: number | undefined): boolean {
  if (threshold === undefined || threshold <= 0) return false;
  return participantsAlreadyInRoom >= threshold;
}

export type RecordingAnnouncement =
  | 'recording.announce.recordingStarted'
  | 'recording.announce.transcriptStarted'
  | 'recording.announce.saving'
  | 'recording.announce.stopped'
  | 'recording.announce.aborted';

/** What to tell everyone when the room's recording status changes; null when nothing worth saying happened. */
export function recordingAnnouncement(previous: RecordingState, next: RecordingState): RecordingAnnouncement | null {
  if (previous.status === next.status) return null;
  switch (next.status) {
    case 'started':
      return next.mode === 'transcript' ? 'recording.announce.transcriptStarted' : 'recording.announce.recordingStarted';
    case 'saving':
      return 'recording.announce.saving';
    case 'aborted':
      return 'recording.announce.aborted';
    case null:
      return previous.status === 'started' || previous.status === 'starting' ? 'recording.announce.stopped' : null;
    default:
      return null;
  }
}

/**
 * The same event may reach us twice (the `participantMuted` packet and the server muting our
 * track): one notice is enough.
 */
export class RepeatGuard {
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly windowMs: number) {}

  allow(now: number): boolean {
    if (now - this.last < this.windowMs) return false;
    this.last = now;
    return true;
  }
}
