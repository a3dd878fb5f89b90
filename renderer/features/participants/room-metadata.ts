// The room settings the backend mirrors into the LiveKit room metadata, so every client sees a
// change made by an administrator at once.
import { accessLevelSchema, type AccessLevel } from '../../../common/meet-types';
import { readRoomMetadata } from '../room-trust/display';

export interface RoomSettings {
  accessLevel: AccessLevel | null;
  everyoneCanMute: boolean | null;
  /** The room's whole configuration as last written, or null when the metadata has none. */
  configuration: Record<string, unknown> | null;
}

export function parseRoomSettings(metadata: string | undefined): RoomSettings {
  const none: RoomSettings = { accessLevel: null, everyoneCanMute: null, configuration: null };
  const record = readRoomMetadata(metadata);
  if (!record) return none;
  const accessLevel = accessLevelSchema.safeParse(record.access_level);
  const configuration =
    typeof record.configuration === 'object' && record.configuration !== null && !Array.isArray(record.configuration)
      ? (record.configuration as Record<string, unknown>)
      : null;
  return {
    accessLevel: accessLevel.success ? accessLevel.data : null,
    everyoneCanMute: typeof configuration?.everyone_can_mute === 'boolean' ? configuration.everyone_can_mute : null,
    configuration,
  };
}
