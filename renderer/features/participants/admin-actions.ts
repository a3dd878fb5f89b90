// What a room's owner and administrators do to others, through the API like Meet's web app,
// followed by the notification packet Meet's clients expect (so the person concerned is told).
import { Track, type Participant, type Room as LivekitRoom } from 'livekit-client';
import type { AppError } from '../../../common/ipc-contract';
import type { AccessLevel, Room } from '../../../common/meet-types';
import { invoke } from '../../platform/visio';
import { connectedCall, currentCall, isCall, NOT_IN_CALL } from '../call/connected-call';
import { encodeRoomNotification } from '../call/room-notifications';
import {
  participantsToRestrict,
  permissionFor,
  PUBLISH_SOURCE_NAMES,
  publishSourcesFrom,
  roomPublishSources,
  SOURCES_OF_RIGHT,
  withRight,
  type PublishRight,
  type PublishSourceName,
} from './publish-sources';

type MicrophoneOwner = Pick<Participant, 'getTrackPublication'>;

/** The sid of the participant's microphone track when it is live, else null (nothing to mute). */
export function liveMicrophoneTrackSid(participant: MicrophoneOwner): string | null {
  const publication = participant.getTrackPublication(Track.Source.Microphone);
  return publication && !publication.isMuted && publication.trackSid ? publication.trackSid : null;
}

/** The others whose microphone is live: what "mute everyone" acts on. */
export function participantsToMute<T extends MicrophoneOwner & Pick<Participant, 'isLocal'>>(participants: readonly T[]): T[] {
  return participants.filter((participant) => !participant.isLocal && liveMicrophoneTrackSid(participant) !== null);
}

const notInCall = NOT_IN_CALL;

async function notify(room: LivekitRoom, type: 'participantMuted', identity: string): Promise<void> {
  await room.localParticipant
    .publishData(encodeRoomNotification(type), { reliable: true, destinationIdentities: [identity] })
    .catch(() => undefined);
}

/**
 * Mutes someone's microphone. Administrators act with their session; anyone else may only when
 * the room lets everyone mute, with their LiveKit token.
 */
export async function muteParticipant(room: LivekitRoom, participant: Participant, asAdministrator: boolean): Promise<AppError | null> {
  // Without a role, the API checks the caller is live in the room through its LiveKit token.
  const call = asAdministrator ? currentCall() ?? notInCall : connectedCall();
  if (!isCall(call)) return call;
  const trackSid = liveMicrophoneTrackSid(participant);
  if (!trackSid) return null;
  const result = await invoke('backend:room:mute-participant', {
    roomId: call.roomId,
    identity: participant.identity,
    trackSid,
    ...(asAdministrator ? {} : { token: call.token }),
  });
  if (!result.ok) return result.error;
  await notify(room, 'participantMuted', participant.identity);
  return null;
}

/** Mutes every other live microphone; returns the first failure, if any. */
export async function muteEveryone(room: LivekitRoom, participants: readonly Participant[], asAdministrator: boolean): Promise<AppError | null> {
  const results = await Promise.all(participantsToMute(participants).map((participant) => muteParticipant(room, participant, asAdministrator)));
  return results.find((error) => error !== null) ?? null;
}

export async function removeParticipant(participant: Participant): Promise<AppError | null> {
  const call = currentCall();
  if (!call) return notInCall;
  const result = await invoke('backend:room:remove-participant', { roomId: call.roomId, identity: participant.identity });
  return result.ok ? null : result.error;
}

/**
 * Promotes or demotes, then gives the participant the LiveKit permission of the new role: an
 * administrator publishes everything even in a room that restricts its members, and a demoted one
 * publishes only what the room lets members publish (`membersSources`).
 */
export async function changeRole(
  participant: Participant,
  role: 'member' | 'administrator',
  membersSources: readonly PublishSourceName[],
): Promise<AppError | null> {
  const call = currentCall();
  if (!call) return notInCall;
  const result = await invoke('backend:room:update-role', { roomId: call.roomId, identity: participant.identity, role });
  if (!result.ok) return result.error;
  const sources = role === 'administrator' ? PUBLISH_SOURCE_NAMES : membersSources;
  const permitted = await invoke('backend:room:update-participant', {
    roomId: call.roomId,
    identity: participant.identity,
    permission: permissionFor(participant.permissions, sources),
  });
  return permitted.ok ? null : permitted.error;
}

/**
 * Meet's web app's way: the administrator clears the participant's `handRaisedAt` attribute
 * through the API, which every client (Meet's own included) reads.
 */
export async function lowerHandOf(participant: Pick<Participant, 'identity'>): Promise<AppError | null> {
  const call = currentCall();
  if (!call) return notInCall;
  const result = await invoke('backend:room:update-participant', {
    roomId: call.roomId,
    identity: participant.identity,
    attributes: { handRaisedAt: '' },
  });
  return result.ok ? null : result.error;
}

/** Lowers every other raised hand; returns the first failure, if any. */
export async function lowerEveryHand(participants: readonly Participant[]): Promise<AppError | null> {
  const others = participants.filter((participant) => !participant.isLocal && Boolean(participant.attributes.handRaisedAt));
  const results = await Promise.all(others.map((participant) => lowerHandOf(participant)));
  return results.find((error) => error !== null) ?? null;
}

/** The configuration keys the API knows, as the room has them now. */
export interface RoomConfigurationChoice {
  can_publish_sources?: PublishSourceName[];
  everyone_can_mute?: boolean;
}

/** What to send along with a change: the API replaces the whole configuration, as Meet's does. */
export function configurationToKeep(configuration: Record<string, unknown> | null | undefined): RoomConfigurationChoice {
  const kept: RoomConfigurationChoice = {};
  const sources = publishSourcesFrom(configuration?.can_publish_sources);
  if (sources) kept.can_publish_sources = sources;
  if (typeof configuration?.everyone_can_mute === 'boolean') kept.everyone_can_mute = configuration.everyone_can_mute;
  return kept;
}

export async function updateRoomAccess(
  change: { accessLevel?: AccessLevel; everyoneCanMute?: boolean },
  configuration: Record<string, unknown> | null | undefined,
): Promise<{ room: Room } | { error: AppError }> {
  const call = currentCall();
  if (!call) return { error: notInCall };
  const result = await invoke('backend:room:patch', {
    roomId: call.roomId,
    ...(change.accessLevel ? { accessLevel: change.accessLevel } : {}),
    ...(change.everyoneCanMute === undefined
      ? {}
      : { configuration: { ...configurationToKeep(configuration), everyone_can_mute: change.everyoneCanMute } }),
  });
  return result.ok ? { room: result.value } : { error: result.error };
}

export interface PublishRightOutcome {
  /** The room as saved, or null when the change could not be saved (nothing changed then). */
  room: Room | null;
  /** The first failure: saving the room, or updating one of the participants. */
  error: AppError | null;
}

/**
 * Gives or takes a right from the room's participants, like Meet's web app: the room keeps the
 * new sources (for those who join later), each participant already there gets the new
 * permission (LiveKit stops a track it no longer allows), and those who lost something are
 * told which sources (`permissionsRemoved`).
 */
export async function changePublishRight(
  room: LivekitRoom,
  participants: readonly Participant[],
  configuration: Record<string, unknown> | null | undefined,
  defaultSources: unknown,
  right: PublishRight,
  granted: boolean,
): Promise<PublishRightOutcome> {
  const call = currentCall();
  if (!call) return { room: null, error: notInCall };
  const sources = withRight(roomPublishSources(configuration, defaultSources), right, granted);
  const saved = await invoke('backend:room:patch', {
    roomId: call.roomId,
    configuration: { ...configurationToKeep(configuration), can_publish_sources: sources },
  });
  if (!saved.ok) return { room: null, error: saved.error };
  const targets = participantsToRestrict(participants);
  const results = await Promise.all(
    targets.map(async (participant) => ({
      participant,
      result: await invoke('backend:room:update-participant', {
        roomId: call.roomId,
        identity: participant.identity,
        permission: permissionFor(participant.permissions, sources),
      }),
    })),
  );
  const updated = results.filter(({ result }) => result.ok).map(({ participant }) => participant.identity);
  // The notice comes from this packet only: LiveKit tells a participant of its new permission
  // twice (Participant and LocalParticipant events), which would show it twice.
  if (!granted && updated.length > 0) {
    await room.localParticipant
      .publishData(encodeRoomNotification('permissionsRemoved', { removedSources: [...SOURCES_OF_RIGHT[right]] }), {
        reliable: true,
        destinationIdentities: updated,
      })
      .catch(() => undefined);
  }
  const failure = results.find(({ result }) => !result.ok)?.result;
  return { room: saved.value, error: failure && !failure.ok ? failure.error : null };
}
