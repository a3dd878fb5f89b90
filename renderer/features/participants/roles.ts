import type { Participant } from 'livekit-client';

export type ParticipantRole = 'owner' | 'administrator' | 'member';

export function roleOf(participant: Pick<Participant, 'attributes'> | undefined): ParticipantRole {
  const role = participant?.attributes.room_role;
  return role === 'owner' || role === 'administrator' ? role : 'member';
}

export function isRoomAdmin(participant: Pick<Participant, 'attributes'> | undefined): boolean {
  return roleOf(participant) !== 'member';
}

export function isGuest(participant: Pick<Participant, 'attributes'> | undefined): boolean {
  return participant?.attributes.is_authenticated === 'false';
}
