import { describe, expect, it } from 'vitest';
import {
  isRightGranted,
  participantsToRestrict,
  permissionFor,
  publishSourcesFrom,
  roomPublishSources,
  withRight,
} from './publish-sources';

describe('publish sources of a room', () => {
  it('takes the room’s choice, else the instance default, else everything', () => {
    expect(roomPublishSources({ can_publish_sources: ['microphone'] }, ['camera'])).toEqual(['microphone']);
    expect(roomPublishSources({ can_publish_sources: [] }, ['camera'])).toEqual([]);
    expect(roomPublishSources({ everyone_can_mute: true }, ['camera', 'microphone'])).toEqual(['camera', 'microphone']);
    expect(roomPublishSources(null, undefined)).toEqual(['camera', 'microphone', 'screen_share', 'screen_share_audio']);
    expect(publishSourcesFrom(['camera', 'CAMERA', 3, 'screen_share'])).toEqual(['camera', 'screen_share']);
    expect(publishSourcesFrom('camera')).toBeNull();
  });

  it('gives and takes a right, the screen with its sound', () => {
    const all = roomPublishSources(null, undefined);
    const noScreen = withRight(all, 'screenShare', false);
    expect(noScreen).toEqual(['camera', 'microphone']);
    expect(isRightGranted(noScreen, 'screenShare')).toBe(false);
    expect(isRightGranted(noScreen, 'camera')).toBe(true);
    // Half a screen right (no sound) is not the right.
    expect(isRightGranted(['screen_share'], 'screenShare')).toBe(false);
    expect(withRight(noScreen, 'camera', false)).toEqual(['microphone']);
    expect(withRight(['microphone'], 'screenShare', true)).toEqual(['microphone', 'screen_share', 'screen_share_audio']);
    expect(withRight(['microphone'], 'microphone', true)).toEqual(['microphone']);
  });

  it('keeps what a participant may do besides publishing, and forbids publishing without sources', () => {
    expect(permissionFor({ canSubscribe: true, canPublishData: false, canUpdateMetadata: true, canSubscribeMetrics: true }, ['microphone'])).toEqual({
      canSubscribe: true,
      canPublish: true,
      canPublishData: false,
      canUpdateMetadata: true,
      canSubscribeMetrics: true,
      canPublishSources: ['microphone'],
    });
    expect(permissionFor(undefined, [])).toEqual({
      canSubscribe: true,
      canPublish: false,
      canPublishData: true,
      canUpdateMetadata: false,
      canSubscribeMetrics: false,
      canPublishSources: [],
    });
  });

  it('applies to the other members only', () => {
    const people: { identity: string; isLocal: boolean; attributes: Record<string, string> }[] = [
      { identity: 'me', isLocal: true, attributes: { room_role: 'member' } },
      { identity: 'owner', isLocal: false, attributes: { room_role: 'owner' } },
      { identity: 'admin', isLocal: false, attributes: { room_role: 'administrator' } },
      { identity: 'member', isLocal: false, attributes: { room_role: 'member' } },
      { identity: 'guest', isLocal: false, attributes: {} },
    ];
    expect(participantsToRestrict(people).map((person) => person.identity)).toEqual(['member', 'guest']);
  });
});
