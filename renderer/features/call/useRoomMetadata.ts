import { RoomEvent, type Room } from 'livekit-client';
import { useSyncExternalStore } from 'react';

/** The LiveKit room metadata the backend writes (recording, access level, configuration), kept current. */
export function useRoomMetadata(room: Room): string | undefined {
  return useSyncExternalStore(
    (onChange) => {
      room.on(RoomEvent.RoomMetadataChanged, onChange);
      return () => {
        room.off(RoomEvent.RoomMetadataChanged, onChange);
      };
    },
    () => room.metadata,
  );
}
