// What the room lets its participants publish (`configuration.can_publish_sources`), in the
// three rights an administrator turns on and off, and the LiveKit permission each participant
// gets from it. Owners and administrators always publish everything.
import type { Participant } from 'livekit-client';
import type { InvokeInput } from '../../../common/ipc-contract';
import { PUBLISH_SOURCE_NAMES, type PublishSourceName } from '../../../common/meet-types';
import { isRoomAdmin } from './roles';

export { PUBLISH_SOURCE_NAMES, type PublishSourceName };

export type PublishRight = 'microphone' | 'camera' | 'screenShare';
export const PUBLISH_RIGHTS: readonly PublishRight[] = ['microphone', 'camera', 'screenShare'];

/** A screen is shared with its sound: both go together, as in Meet's web app. */
export const SOURCES_OF_RIGHT: Record<PublishRight, readonly PublishSourceName[]> = {
  microphone: ['microphone'],
  camera: ['camera'],
  screenShare: ['screen_share', 'screen_share_audio'],
};

export type ParticipantPermissionUpdate = NonNullable<InvokeInput<'backend:room:update-participant'>['permission']>;

function isPublishSourceName(value: unknown): value is PublishSourceName {
  return typeof value === 'string' && (PUBLISH_SOURCE_NAMES as readonly string[]).includes(value);
}

/** The known sources of a list from the API, or null when it is not a list. */
export function publishSourcesFrom(value: unknown): PublishSourceName[] | null {
  return Array.isArray(value) ? value.filter(isPublishSourceName) : null;
}

/**
 * The sources participants may publish: the room's own choice, else the instance's default
 * (`/config/` `livekit.default_sources`), else everything (LiveKit's default).
 */
export function roomPublishSources(configuration: Record<string, unknown> | null | undefined, defaultSources: unknown): PublishSourceName[] {
  return publishSourcesFrom(configuration?.can_publish_sources) ?? publishSourcesFrom(defaultSources) ?? [...PUBLISH_SOURCE_NAMES];
}

export function isRightGranted(sources: readonly PublishSourceName[], right: PublishRight): boolean {
  return SOURCES_OF_RIGHT[right].every((source) => sources.includes(source));
}

/** The sources once `right` is given or taken, in a stable order. */
export function withRight(sources: readonly PublishSourceName[], right: PublishRight, granted: boolean): PublishSourceName[] {
  const changed = new Set(SOURCES_OF_RIGHT[right]);
  return PUBLISH_SOURCE_NAMES.filter((source) => (changed.has(source) ? granted : sources.includes(source)));
}

/**
 * LiveKit replaces a participant's whole permission at once: the participant keeps what it had
 * besides publishing (Meet's tokens grant subscribing and data), and publishes only `sources`.
 */
export function permissionFor(
  current: Pick<NonNullable<Participant['permissions']>, 'canSubscribe' | 'canPublishData' | 'canUpdateMetadata' | 'canSubscribeMetrics'> | undefined,
  sources: readonly PublishSourceName[],
): ParticipantPermissionUpdate {
  return {
    canSubscribe: current?.canSubscribe ?? true,
    canPublish: sources.length > 0,
    canPublishData: current?.canPublishData ?? true,
    canUpdateMetadata: current?.canUpdateMetadata ?? false,
    canSubscribeMetrics: current?.canSubscribeMetrics ?? false,
    canPublishSources: [...sources],
  };
}

/** Whom a change of the room's sources applies to: the others, but not owners and administrators. */
export function participantsToRestrict<T extends Pick<Participant, 'isLocal' | 'attributes'>>(participants: readonly T[]): T[] {
  return participants.filter((participant) => !participant.isLocal && !isRoomAdmin(participant));
}
