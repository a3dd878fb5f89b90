// The recording state, read from the LiveKit room metadata the backend writes.
import { recordingStatusSchema, type RecordingStatus } from '../../../common/meet-types';
import { readRoomMetadata } from '../room-trust/display';

export interface RecordingState {
  status: RecordingStatus | null;
  mode: 'transcript' | 'screen_recording' | null;
}

export function parseRecordingState(metadata: string | undefined): RecordingState {
  const record = readRoomMetadata(metadata);
  if (!record) return { status: null, mode: null };
  const status = recordingStatusSchema.safeParse(record.recording_status);
  const mode = record.recording_mode === 'transcript' || record.recording_mode === 'screen_recording' ? record.recording_mode : null;
  return { status: status.success ? status.data : null, mode };
}
