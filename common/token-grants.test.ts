import { describe, expect, it } from 'vitest';
import { accessRoleOf, administersRoom, tokenGrants } from './token-grants';

const tokenWith = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.signature`;
const ownerClaims = {
  name: 'Camille Lefèvre',
  video: { roomAdmin: true, canPublish: true, canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'] },
  attributes: { room_role: 'owner', is_authenticated: 'true' },
};
const guestClaims = { video: { canPublish: true, canPublishSources: ['microphone'] }, attributes: { room_role: null, is_authenticated: 'false' } };

describe('tokenGrants', () => {
  it('reads the role and the publish sources of a token the API handed out', () => {
    expect(tokenGrants(tokenWith(ownerClaims))).toEqual({
      roomRole: 'owner',
      canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'],
    });
    expect(tokenGrants(tokenWith(guestClaims))).toEqual({ roomRole: null, canPublishSources: ['microphone'] });
  });

  it('reads a token that may publish nothing', () => {
    expect(tokenGrants(tokenWith({ video: { canPublish: false, canPublishSources: ['camera'] } }))?.canPublishSources).toEqual([]);
  });

  it('gives up on what is not a JWT', () => {
    expect(tokenGrants('not-a-token')).toBeNull();
    expect(tokenGrants('a.!!!.c')).toBeNull();
  });
});

describe('administersRoom', () => {
  const livekit = (claims: object) => ({ url: 'http://lk', room: 'r', token: tokenWith(claims) });

  it('believes is_administrable when the server sends it', () => {
    expect(administersRoom({ is_administrable: false, livekit: livekit(ownerClaims) })).toBe(false);
  });

  it('reads the token’s role otherwise', () => {
    expect(administersRoom({ livekit: livekit(ownerClaims) })).toBe(true);
    expect(administersRoom({ livekit: livekit(guestClaims) })).toBe(false);
  });

  it('falls back on the user’s access', () => {
    const accesses = [{ id: 'a', user: { id: 'u1' }, role: 'administrator' }, { id: 'b', user: { id: 'u2' }, role: 'member' }];
    expect(accessRoleOf({ accesses }, 'u1')).toBe('administrator');
    expect(administersRoom({ accesses }, 'u1')).toBe(true);
    expect(administersRoom({ accesses }, 'u2')).toBe(false);
    expect(administersRoom({ accesses }, null)).toBe(false);
  });
});
