// The room's configuration as saved: the LiveKit room metadata once an administrator changed it
// (every client sees it at once), else the room as the API gave it when joining.
import { useRoomInfo } from '@livekit/components-react';
import type { Room as LivekitRoom } from 'livekit-client';
import { useMeetingStore } from '../meeting/meeting-store';
import type { Room } from '../../../common/meet-types';
import { parseRoomSettings, type RoomSettings } from './room-metadata';

export interface SavedRoomSettings {
  /** The room as the API gave it when joining. */
  meetingRoom: Room | null;
  /** The LiveKit room metadata, as received. */
  metadata: string | undefined;
  fromMetadata: RoomSettings;
  /** The whole configuration as saved. */
  configuration: Record<string, unknown>;
}

export function useSavedRoomSettings(room: LivekitRoom): SavedRoomSettings {
  const meetingRoom = useMeetingStore((state) => (state.phase.name === 'call' ? state.phase.room : null));
  const metadata = useRoomInfo({ room }).metadata;
  const fromMetadata = parseRoomSettings(metadata);
  return { meetingRoom, metadata, fromMetadata, configuration: fromMetadata.configuration ?? meetingRoom?.configuration ?? {} };
}
