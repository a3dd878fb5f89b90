import { ParticipantKind } from 'livekit-client';
import { describe, expect, it } from 'vitest';
import { senderKindOf } from './senders';

describe('sender kinds', () => {
  it('tells the server, agents, admins, members and unknown identities apart', () => {
    expect(senderKindOf('', undefined)).toBe('server');
    expect(senderKindOf(undefined, undefined)).toBe('server');
    expect(senderKindOf('ghost', undefined)).toBe('anonymous');
    expect(senderKindOf('agent', { kind: ParticipantKind.AGENT, attributes: { room_role: 'member' } })).toBe('agent');
    expect(senderKindOf('owner', { kind: ParticipantKind.STANDARD, attributes: { room_role: 'owner' } })).toBe('admin');
    expect(senderKindOf('admin', { attributes: { room_role: 'administrator' } })).toBe('admin');
    expect(senderKindOf('member', { attributes: { room_role: 'member' } })).toBe('member');
    expect(senderKindOf('member', { attributes: { room_role: 'Owner ' } })).toBe('member');
    expect(senderKindOf('member', { attributes: {} })).toBe('member');
  });
});
