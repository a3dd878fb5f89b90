// Subtitles put words in someone's mouth, so they are believed only from an agent (the
// transcription service) or from the owner of the transcribed track speaking for themselves.
import { MAX_ID_CHARS, MAX_SUBTITLE_CHARS } from './limits';
import type { SenderKind } from './senders';
import { accept, drop, type Verdict } from './verdict';

export interface TrustedSegmentHeader {
  id: string;
  final: boolean;
  /** Whose words these are: the owner of the transcribed track. */
  speakerIdentity: string;
}

export interface TranscriptionStream {
  streamId: string;
  attributes: Readonly<Record<string, string>> | undefined;
  senderIdentity: string;
  sender: SenderKind;
  /** Who publishes the track named in `lk.transcribed_track_id`, if anyone in the room does. */
  trackOwnerIdentity: string | undefined;
}

export function judgeTranscriptionStream(stream: TranscriptionStream): Verdict<TrustedSegmentHeader> {
  const { attributes, sender } = stream;
  if (sender === 'server' || sender === 'anonymous') return drop('sender');
  const trackId = attributes?.['lk.transcribed_track_id'];
  const id = attributes?.['lk.segment_id'] || stream.streamId;
  if (!id || id.length > MAX_ID_CHARS || (trackId !== undefined && trackId.length > MAX_ID_CHARS)) return drop('malformed');
  const final = attributes?.['lk.transcription_final'] === 'true';
  if (sender === 'agent') {
    return accept({ id, final, speakerIdentity: trackId ? (stream.trackOwnerIdentity ?? stream.senderIdentity) : stream.senderIdentity });
  }
  if (!trackId || stream.trackOwnerIdentity !== stream.senderIdentity) return drop('track-owner');
  return accept({ id, final, speakerIdentity: stream.senderIdentity });
}

export interface LegacySegment {
  id: string;
  text: string;
  final: boolean;
}

/**
 * Legacy transcription packets: LiveKit relays them only from agents, and names the speaker;
 * the track they transcribe must still be that speaker's.
 */
export function judgeLegacySegment(segment: LegacySegment, speakerKnown: boolean, trackOfSpeaker: boolean): Verdict<LegacySegment> {
  if (!speakerKnown) return drop('sender');
  if (!trackOfSpeaker) return drop('track-owner');
  if (!segment.id || segment.id.length > MAX_ID_CHARS) return drop('malformed');
  return accept({ ...segment, text: capSubtitle(segment.text) });
}

export function capSubtitle(text: string): string {
  return text.length > MAX_SUBTITLE_CHARS ? `${text.slice(0, MAX_SUBTITLE_CHARS)}…` : text;
}
