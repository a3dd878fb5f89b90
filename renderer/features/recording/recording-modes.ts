// Which recordings an administrator may start, as the instance's `/config/` says.
import type { MeetConfig } from '../../../common/meet-types';

export type RecordingMode = 'screen_recording' | 'transcript';

export function availableRecordingModes(config: Pick<MeetConfig, 'recording'> | null): RecordingMode[] {
  if (!config?.recording?.is_enabled) return [];
  const modes = config.recording.available_modes ?? [];
  return (['screen_recording', 'transcript'] as const).filter((mode) => modes.includes(mode));
}
