// For hosts: who waits in the lobby, from the query cache (polled, and asked again when the room
// says someone knocked), cleaned as others' names are.
import { useLocalParticipant } from '@livekit/components-react';
import { useQuery } from '@tanstack/react-query';
import { roomKey, type WaitingParticipant } from '../../../common/meet-types';
import { waitingListQuery } from '../../platform/backend-queries';
import { useParticipantAttributes } from '../call/useParticipantAttributes';
import { useMeetingStore } from '../meeting/meeting-store';
import { isRoomAdmin } from '../participants/roles';
import { displayName } from '../room-trust/display';

const nobody: WaitingParticipant[] = [];

/** Names are typed by whoever waits: shown as others' names are, cleaned and cut. */
export function stillWaiting(listed: readonly WaitingParticipant[]): WaitingParticipant[] {
  return listed
    .filter((participant) => participant.status === 'waiting')
    .map((participant) => ({ ...participant, username: displayName(participant.username, undefined) }));
}

/** The room's waiting list while the local participant is one of its hosts; empty otherwise. */
export function useWaitingParticipants(): WaitingParticipant[] {
  const roomId = useMeetingStore((state) => (state.phase.name === 'call' ? roomKey(state.phase.room) : null));
  const { localParticipant } = useLocalParticipant();
  const admin = isRoomAdmin({ attributes: useParticipantAttributes(localParticipant) });
  const listed = useQuery({ ...waitingListQuery(roomId ?? ''), enabled: admin && roomId !== null, select: stillWaiting });
  return admin && listed.data ? listed.data : nobody;
}
