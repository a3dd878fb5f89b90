import { describe, expect, it } from 'vitest';
import { MAX_SUBTITLE_CHARS } from './limits';
import { SENDER_KINDS, type SenderKind } from './senders';
import { judgeLegacySegment, judgeTranscriptionStream, type TranscriptionStream } from './subtitles';

const stream = (sender: SenderKind, overrides: Partial<TranscriptionStream> = {}): TranscriptionStream => ({
  streamId: 'stream-1',
  attributes: { 'lk.segment_id': 'SG_1', 'lk.transcription_final': 'true', 'lk.transcribed_track_id': 'TR_mic' },
  senderIdentity: 'alice',
  sender,
  trackOwnerIdentity: 'alice',
  ...overrides,
});

describe('subtitle streams: sender × track owner × shape', () => {
  for (const sender of SENDER_KINDS) {
    const participant = sender === 'agent' || sender === 'admin' || sender === 'member';

    it(`from ${sender} about their own track: ${participant ? 'kept' : 'dropped'}`, () => {
      const verdict = judgeTranscriptionStream(stream(sender));
      expect(verdict.accepted).toBe(participant);
      if (verdict.accepted) expect(verdict.value).toEqual({ id: 'SG_1', final: true, speakerIdentity: 'alice' });
    });

    it(`from ${sender} naming someone else's track: ${sender === 'agent' ? 'kept as that person' : 'dropped'}`, () => {
      const verdict = judgeTranscriptionStream(stream(sender, { senderIdentity: 'mallory', trackOwnerIdentity: 'la-ministre' }));
      if (sender === 'agent') expect(verdict).toEqual({ accepted: true, value: { id: 'SG_1', final: true, speakerIdentity: 'la-ministre' } });
      else expect(verdict.accepted).toBe(false);
    });

    it(`from ${sender} naming a track nobody publishes, or none: ${sender === 'agent' ? 'kept as the sender' : 'dropped'}`, () => {
      const unknownTrack = judgeTranscriptionStream(stream(sender, { trackOwnerIdentity: undefined }));
      const noTrack = judgeTranscriptionStream(stream(sender, { attributes: { 'lk.segment_id': 'SG_2' } }));
      expect(unknownTrack.accepted).toBe(sender === 'agent');
      expect(noTrack.accepted).toBe(sender === 'agent');
    });

    it(`from ${sender} with oversized attributes: dropped`, () => {
      expect(judgeTranscriptionStream(stream(sender, { attributes: { 'lk.segment_id': 'x'.repeat(10_000), 'lk.transcribed_track_id': 'TR_mic' } })).accepted).toBe(false);
      expect(judgeTranscriptionStream(stream(sender, { attributes: { 'lk.transcribed_track_id': 'T'.repeat(10_000) } })).accepted).toBe(false);
    });
  }

  it('reports why a forged subtitle is refused', () => {
    expect(judgeTranscriptionStream(stream('member', { senderIdentity: 'mallory', trackOwnerIdentity: 'la-ministre' }))).toEqual({
      accepted: false,
      reason: 'track-owner',
    });
  });

  it('falls back to the stream id and an interim segment when attributes are missing', () => {
    expect(judgeTranscriptionStream(stream('agent', { attributes: undefined }))).toEqual({ accepted: true, value: { id: 'stream-1', final: false, speakerIdentity: 'alice' } });
  });
});

describe('legacy transcription segments', () => {
  const segment = { id: 'SG_1', text: 'Bonjour', final: true };

  it('keeps a segment of a known speaker about their own track, cut to size', () => {
    expect(judgeLegacySegment(segment, true, true)).toEqual({ accepted: true, value: segment });
    const long = judgeLegacySegment({ ...segment, text: 'a'.repeat(MAX_SUBTITLE_CHARS * 4) }, true, true);
    expect(long.accepted && long.value.text.length).toBe(MAX_SUBTITLE_CHARS + 1);
  });

  it('drops segments of unknown speakers, foreign tracks, or without a sane id', () => {
    expect(judgeLegacySegment(segment, false, false)).toEqual({ accepted: false, reason: 'sender' });
    expect(judgeLegacySegment(segment, true, false)).toEqual({ accepted: false, reason: 'track-owner' });
    expect(judgeLegacySegment({ ...segment, id: '' }, true, true).accepted).toBe(false);
    expect(judgeLegacySegment({ ...segment, id: 'x'.repeat(1000) }, true, true).accepted).toBe(false);
  });
});
