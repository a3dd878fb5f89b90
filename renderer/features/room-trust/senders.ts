// Who sent something into the room, as far as LiveKit vouches for it: the server (a packet
// with no participant identity), an agent (LiveKit's participant kind, set by the token), an
// admin (the `room_role` attribute, which only the backend can write), a member, or an
// identity the room does not know (hidden or already gone).
import { ParticipantKind } from 'livekit-client';

export type SenderKind = 'server' | 'agent' | 'admin' | 'member' | 'anonymous';

export const SENDER_KINDS: readonly SenderKind[] = ['server', 'agent', 'admin', 'member', 'anonymous'];

export interface KnownSender {
  kind?: ParticipantKind;
  attributes: Readonly<Record<string, string>>;
}

export function senderKindOf(identity: string | undefined, participant: KnownSender | undefined): SenderKind {
  if (!participant) return identity ? 'anonymous' : 'server';
  if (participant.kind === ParticipantKind.AGENT) return 'agent';
  const role = participant.attributes.room_role;
  return role === 'owner' || role === 'administrator' ? 'admin' : 'member';
}
