import { describe, expect, it } from 'vitest';
import { availableRecordingModes } from './recording-modes';

describe('availableRecordingModes', () => {
  it('offers the modes the instance enables', () => {
    expect(availableRecordingModes({ recording: { is_enabled: true, available_modes: ['transcript', 'other'] } })).toEqual(['transcript']);
    expect(availableRecordingModes({ recording: { is_enabled: true, available_modes: ['screen_recording', 'transcript'] } })).toEqual(['screen_recording', 'transcript']);
  });

  it('offers nothing when recording is off or unknown', () => {
    expect(availableRecordingModes({ recording: { is_enabled: false, available_modes: ['transcript'] } })).toEqual([]);
    expect(availableRecordingModes(null)).toEqual([]);
  });
});
