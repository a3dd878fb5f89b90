import { ParticipantEvent, type Participant } from 'livekit-client';
import { useMemo, useSyncExternalStore } from 'react';

/** The participant's attributes (`handRaisedAt`, `room_role`, `is_authenticated`...), kept current. */
export function useParticipantAttributes(participant: Participant | undefined): Readonly<Record<string, string>> {
  // livekit-client returns a fresh copy on every read: compare a serialized snapshot instead.
  const snapshot = useSyncExternalStore(
    (onChange) => {
      participant?.on(ParticipantEvent.AttributesChanged, onChange);
      return () => {
        participant?.off(ParticipantEvent.AttributesChanged, onChange);
      };
    },
    () => JSON.stringify(participant?.attributes ?? {}),
  );
  return useMemo(() => JSON.parse(snapshot) as Record<string, string>, [snapshot]);
}
