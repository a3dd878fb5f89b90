import { RoomEvent, type Participant, type Room } from 'livekit-client';
import { useEffect, useState } from 'react';

/** The last other person who spoke: the stage keeps them during silences instead of going blank. */
export function useLastSpeaker(room: Room): string | null {
  const [identity, setIdentity] = useState<string | null>(null);
  useEffect(() => {
    const onSpeakers = (speakers: Participant[]) => {
      const speaker = speakers.find((participant) => !participant.isLocal);
      if (speaker) setIdentity(speaker.identity);
    };
    room.on(RoomEvent.ActiveSpeakersChanged, onSpeakers);
    return () => {
      room.off(RoomEvent.ActiveSpeakersChanged, onSpeakers);
    };
  }, [room]);
  return identity;
}
