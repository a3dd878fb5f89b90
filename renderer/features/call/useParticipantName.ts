import { useMaybeRoomContext } from '@livekit/components-react';
import { ParticipantEvent, RoomEvent, type Participant } from 'livekit-client';
import { useSyncExternalStore } from 'react';

/**
 * The participant's name, kept current: a rename through the API reaches the participant as
 * LiveKit's name change, told both by the participant and by the room.
 */
export function useParticipantName(participant: Participant): string {
  const room = useMaybeRoomContext();
  return useSyncExternalStore(
    (onChange) => {
      participant.on(ParticipantEvent.ParticipantNameChanged, onChange);
      room?.on(RoomEvent.ParticipantNameChanged, onChange);
      return () => {
        participant.off(ParticipantEvent.ParticipantNameChanged, onChange);
        room?.off(RoomEvent.ParticipantNameChanged, onChange);
      };
    },
    () => participant.name ?? '',
  );
}
