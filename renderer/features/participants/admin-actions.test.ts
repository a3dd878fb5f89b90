import { Track } from 'livekit-client';
import { describe, expect, it } from 'vitest';
import { configurationToKeep, liveMicrophoneTrackSid, participantsToMute } from './admin-actions';
import { parseRoomSettings } from './room-metadata';

function person(identity: string, microphone: { trackSid: string; isMuted: boolean } | null, isLocal = false) {
  return {
    identity,
    isLocal,
    getTrackPublication: (source: Track.Source) => (source === Track.Source.Microphone && microphone ? microphone : undefined),
  } as unknown as Parameters<typeof liveMicrophoneTrackSid>[0] & { identity: string; isLocal: boolean };
}

describe('admin actions', () => {
  it('mutes only a live microphone', () => {
    expect(liveMicrophoneTrackSid(person('a', { trackSid: 'TR_a', isMuted: false }))).toBe('TR_a');
    expect(liveMicrophoneTrackSid(person('b', { trackSid: 'TR_b', isMuted: true }))).toBeNull();
    expect(liveMicrophoneTrackSid(person('c', null))).toBeNull();
  });

  it('mutes everyone but oneself and the already muted', () => {
    const people = [
      person('me', { trackSid: 'TR_me', isMuted: false }, true),
      person('live', { trackSid: 'TR_live', isMuted: false }),
      person('muted', { trackSid: 'TR_muted', isMuted: true }),
      person('silent', null),
    ];
    expect(participantsToMute(people).map((participant) => participant.identity)).toEqual(['live']);
  });
});

describe('room settings from metadata', () => {
  it('reads access level and everyone_can_mute', () => {
    expect(parseRoomSettings('{"access_level":"restricted","configuration":{"everyone_can_mute":true}}')).toEqual({
      accessLevel: 'restricted',
      everyoneCanMute: true,
      configuration: { everyone_can_mute: true },
    });
    expect(parseRoomSettings('{"access_level":"open"}')).toEqual({ accessLevel: null, everyoneCanMute: null, configuration: null });
    expect(parseRoomSettings(undefined)).toEqual({ accessLevel: null, everyoneCanMute: null, configuration: null });
    expect(parseRoomSettings('{"configuration":["camera"]}').configuration).toBeNull();
  });
});

describe('room configuration sent with a change', () => {
  it('keeps the known keys the room has, since the API replaces the whole configuration', () => {
    expect(configurationToKeep({ can_publish_sources: ['microphone', 'CAMERA'], everyone_can_mute: false, other: 1 })).toEqual({
      can_publish_sources: ['microphone'],
      everyone_can_mute: false,
    });
    expect(configurationToKeep({ can_publish_sources: 'camera', everyone_can_mute: 'yes' })).toEqual({});
    expect(configurationToKeep(null)).toEqual({});
  });
});
