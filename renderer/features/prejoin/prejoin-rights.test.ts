import { describe, expect, it } from 'vitest';
import { isForbidden, mayOpen, prejoinRights, type PrejoinRights } from './prejoin-rights';

const loaded = (defaultSources: unknown) => ({ loaded: true as const, defaultSources });
const tokenWith = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
const member = (configuration: Record<string, unknown> | null) => ({ state: 'answered' as const, room: { is_administrable: false, configuration } });

describe('prejoinRights', () => {
  it('waits for the room’s answer before opening anything', () => {
    expect(prejoinRights({ state: 'pending' }, loaded(undefined))).toEqual({ settled: false });
  });

  it('lets a member publish what the room allows, and nothing it keeps', () => {
    expect(prejoinRights(member({ can_publish_sources: ['microphone', 'screen_share'] }), loaded(undefined))).toEqual({
      settled: true,
      camera: false,
      microphone: true,
    });
    expect(prejoinRights(member({ can_publish_sources: ['camera'] }), { loaded: false })).toEqual({ settled: true, camera: true, microphone: false });
    expect(prejoinRights(member({ can_publish_sources: [] }), loaded(undefined))).toEqual({ settled: true, camera: false, microphone: false });
  });

  it('gives owners and administrators everything, whatever the room keeps from members', () => {
    const room = { is_administrable: true, configuration: { can_publish_sources: [] } };
    expect(prejoinRights({ state: 'answered', room }, loaded(['microphone']))).toEqual({ settled: true, camera: true, microphone: true });
  });

  it('restricts a member of a real server’s room, which has no is_administrable', () => {
    const room = { configuration: { can_publish_sources: ['microphone'] } };
    expect(prejoinRights({ state: 'answered', room }, loaded(undefined))).toEqual({ settled: true, camera: false, microphone: true });
  });

  it('follows the sources the LiveKit token grants, when the room hands one out', () => {
    const room = { configuration: {}, livekit: { url: 'wss://lk', room: 'r', token: tokenWith({ video: { canPublish: true, canPublishSources: ['microphone'] } }) } };
    expect(prejoinRights({ state: 'answered', room }, loaded(undefined))).toEqual({ settled: true, camera: false, microphone: true });
  });

  it('gives everything to the owner the room’s accesses name', () => {
    const room = { configuration: { can_publish_sources: [] }, accesses: [{ id: 'a', user: { id: 'me' }, role: 'owner' }] };
    expect(prejoinRights({ state: 'answered', room, userId: 'me' }, loaded(undefined))).toEqual({ settled: true, camera: true, microphone: true });
    expect(prejoinRights({ state: 'answered', room, userId: 'someone-else' }, loaded(undefined))).toEqual({ settled: true, camera: false, microphone: false });
  });

  it('falls back to the instance’s default sources, once they are known', () => {
    expect(prejoinRights(member(null), { loaded: false })).toEqual({ settled: false });
    expect(prejoinRights(member({}), loaded(['microphone']))).toEqual({ settled: true, camera: false, microphone: true });
    expect(prejoinRights(member(null), loaded(undefined))).toEqual({ settled: true, camera: true, microphone: true });
  });

  it('does not hold the user back when the room could not be read', () => {
    expect(prejoinRights({ state: 'unknown' }, { loaded: false })).toEqual({ settled: true, camera: true, microphone: true });
  });
});

describe('mayOpen and isForbidden', () => {
  const cameraKept: PrejoinRights = { settled: true, camera: false, microphone: true };

  it('opens a device only when wanted and allowed', () => {
    expect(mayOpen(cameraKept, 'camera', true)).toBe(false);
    expect(mayOpen(cameraKept, 'microphone', true)).toBe(true);
    expect(mayOpen(cameraKept, 'microphone', false)).toBe(false);
    expect(mayOpen({ settled: false }, 'microphone', true)).toBe(false);
  });

  it('calls a device forbidden only once the room said so', () => {
    expect(isForbidden(cameraKept, 'camera')).toBe(true);
    expect(isForbidden(cameraKept, 'microphone')).toBe(false);
    expect(isForbidden({ settled: false }, 'camera')).toBe(false);
  });
});
