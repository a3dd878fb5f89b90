import { describe, expect, it } from 'vitest';
import { parseRecordingState } from './recording-status';

describe('parseRecordingState', () => {
  it('reads status and mode', () => {
    expect(parseRecordingState('{"recording_status":"started","recording_mode":"transcript"}')).toEqual({ status: 'started', mode: 'transcript' });
  });

  it('treats missing or odd metadata as no recording', () => {
    expect(parseRecordingState(undefined)).toEqual({ status: null, mode: null });
    expect(parseRecordingState('{"recording_status":"weird"}')).toEqual({ status: null, mode: null });
    expect(parseRecordingState('not json')).toEqual({ status: null, mode: null });
  });
});
