import { describe, expect, it } from 'vitest';
import { mayChangeRoleOf, mayMuteOthers, mayRemove } from './participant-rules';

const person = (attributes: Record<string, string>, isLocal = false) => ({ attributes, isLocal });
const owner = person({ room_role: 'owner', is_authenticated: 'true' }, true);
const administrator = person({ room_role: 'administrator', is_authenticated: 'true' }, true);
const member = person({ room_role: '', is_authenticated: 'true' }, true);

describe('role changes', () => {
  it('are offered for a logged-in participant, promoted or demoted', () => {
    expect(mayChangeRoleOf(owner, person({ room_role: '', is_authenticated: 'true' }))).toBe(true);
    expect(mayChangeRoleOf(administrator, person({ room_role: 'administrator', is_authenticated: 'true' }))).toBe(true);
  });

  it('are never offered for a guest without account, which the API refuses', () => {
    expect(mayChangeRoleOf(owner, person({ room_role: '', is_authenticated: 'false' }))).toBe(false);
    expect(mayChangeRoleOf(owner, person({}))).toBe(false);
  });

  it('are never offered for oneself, for the owner, or to a member', () => {
    expect(mayChangeRoleOf(owner, owner)).toBe(false);
    expect(mayChangeRoleOf(administrator, person({ room_role: 'owner', is_authenticated: 'true' }))).toBe(false);
    expect(mayChangeRoleOf(member, person({ room_role: '', is_authenticated: 'true' }))).toBe(false);
    expect(mayChangeRoleOf(undefined, person({ room_role: '', is_authenticated: 'true' }))).toBe(false);
  });
});

describe('removal', () => {
  it('is for administrators, of anyone but themselves and the owner', () => {
    expect(mayRemove(administrator, person({ is_authenticated: 'false' }))).toBe(true);
    expect(mayRemove(administrator, person({ room_role: 'owner' }))).toBe(false);
    expect(mayRemove(member, person({}))).toBe(false);
  });
});

describe('muting others', () => {
  it('follows everyone_can_mute, unset meaning allowed as on the server', () => {
    expect(mayMuteOthers(member, null)).toBe(true);
    expect(mayMuteOthers(member, true)).toBe(true);
    expect(mayMuteOthers(member, false)).toBe(false);
    expect(mayMuteOthers(administrator, false)).toBe(true);
  });
});
