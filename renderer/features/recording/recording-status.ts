// The recording state, read from the LiveKit room metadata the backend writes.
import { recordingStatusSchema, type RecordingStatus } from '../../../common/meet-types';

export interface RecordingState {
  status: RecordingStatus | null;
  mode: 'transcript' | 'screen_recording' | null;
}

export function parseRecordingState(metadata: string | undefined): RecordingState {
  if (!metadata) return { status: null, mode: null };
  let value: unknown;
  try {
    value = JSON.parse(metadata);
  } catch {
    return { status: null, mode: null };
  }
  if (typeof value !== 'object' || value === null) return { status: null, mode: null };
  const record = value as Record<string, unknown>;
  const status = recordingStatusSchema.safeParse(record.recording_status);
  const mode = record.recording_mode === 'transcript' || record.recording_mode === 'screen_recording' ? record.recording_mode : null;
  return { status: status.success ? status.data : null, mode };
}
