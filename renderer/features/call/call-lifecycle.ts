// Joining the call's LiveKit room, and joining a fresh one when it is lost (server shutdown,
// node death, network), at once and then further and further apart, before giving up.
import { ConnectionState, Room, RoomEvent, type DisconnectReason } from 'livekit-client';
import type { LivekitGrant, MeetConfig } from '../../../common/meet-types';
import { knownAppInfo, loadMeetConfig } from '../../platform/backend-queries';
import { useDevicePreferences, type DevicePreferences } from '../devices/device-preferences';
import { useSettingsStore } from '../settings/settings-store';
import { shouldJoinMuted } from './call-notices';
import { endCall } from './call-ending';
import { rejoinWait, useCallLifecycleStore } from './call-lifecycle-store';
import { publishResolutionSizes, dismissEffectFailure } from './camera-pipeline';
import { endReasonFor } from './end-reason';
import { dismissMediaNotice, setMedia } from './media-toggles';
import { dismissNoiseSuppressionFailure } from './microphone-pipeline';
import { COUNTDOWN_MIN_MS, nextRejoinDelayMs, rejoinAnswerTimeoutMs, REJOIN_GIVE_UP_MS } from './rejoin-backoff';
import { connectOptionsFor, CONNECT_TIMEOUT_MS, ConnectTimeoutError, livekitSocketUrl, roomOptionsFor, withTimeout, type AnswerDeadline } from './room-options';
import { livekitAnswers } from './server-probe';
import { followSessionLoss } from './session-loss';

const lifecycle = useCallLifecycleStore;

/** A fresh room, with the devices and resolution chosen; the failures of the last one forgotten. */
function newRoom(preferences: DevicePreferences): Room {
  const options = roomOptionsFor(preferences);
  options.videoCaptureDefaults = { ...options.videoCaptureDefaults, resolution: publishResolutionSizes[useSettingsStore.getState().publishResolution] };
  dismissMediaNotice();
  dismissEffectFailure();
  dismissNoiseSuppressionFailure();
  return new Room(options);
}

/** What the server's disconnection means: the call ended for good, or lost and to be joined again. */
function followDisconnection(room: Room, grant: LivekitGrant, isEstablished: () => boolean): void {
  room.on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
    if (lifecycle.getState().room !== room || !isEstablished()) return;
    const ending = endReasonFor(reason);
    if (ending) endCall(ending);
    else void rejoinAfterLoss(grant);
  });
}

/** Turns on the microphone and camera as chosen, the microphone kept off in a large room. */
async function publishChosenMedia(room: Room, preferences: DevicePreferences, config: Promise<MeetConfig | null>): Promise<boolean> {
  const joinMuted = preferences.microphoneEnabled && shouldJoinMuted(room.remoteParticipants.size, (await config)?.auto_mute_on_join_threshold);
  if (lifecycle.getState().room !== room) return false;
  lifecycle.setState({ phase: 'connected', joinedMutedInLargeRoom: joinMuted });
  await Promise.all([
    preferences.microphoneEnabled && !joinMuted ? setMedia('microphone', true) : Promise.resolve(),
    preferences.cameraEnabled ? setMedia('camera', true) : Promise.resolve(),
  ]);
  return true;
}

/**
 * How an attempt to join ended: joined; failed (refused, unreachable, timed out, or no longer
 * the call's room); or given up because the server had not answered the join in time.
 */
type JoinOutcome = 'joined' | 'failed' | 'unanswered';

/** The deadline for the server's answer to `room`'s join (its join response, before the media connects). */
function answerDeadline(room: Room, withinMs: number): AnswerDeadline {
  return { answered: new Promise((resolve) => room.once(RoomEvent.SignalConnected, () => resolve(undefined))), withinMs };
}

/**
 * Connects a fresh room with the grant, within CONNECT_TIMEOUT_MS and, when `answerTimeoutMs` is
 * given, with the server's answer to the join within that.
 */
async function openRoom(grant: LivekitGrant, answerTimeoutMs?: number): Promise<JoinOutcome> {
  const rejoin = lifecycle.getState().phase === 'rejoining';
  const previous = lifecycle.getState().room;
  previous?.removeAllListeners();
  await previous?.disconnect();
  // Left meanwhile: no fresh room.
  if (rejoin && lifecycle.getState().phase !== 'rejoining') return 'failed';
  const preferences = useDevicePreferences.getState();
  const room = newRoom(preferences);
  const config = loadMeetConfig();
  // A failed first connection is reported by connectCall() itself, not as a lost call.
  let established = false;
  lifecycle.setState({ room, ...(lifecycle.getState().phase === 'rejoining' ? {} : { phase: 'connecting' as const }) });
  followDisconnection(room, grant, () => established);
  // A session the server lost is joined afresh at once rather than after livekit-client's restart.
  followSessionLoss(
    room,
    () => lifecycle.getState().room === room,
    () => {
      if (established) void rejoinAfterLoss(grant);
    },
    () => livekitAnswers(grant.url),
  );
  try {
    const profileIceServers = knownAppInfo()?.profile.iceServers;
    const answer = answerTimeoutMs === undefined ? undefined : answerDeadline(room, answerTimeoutMs);
    await withTimeout(room.connect(livekitSocketUrl(grant.url), grant.token, connectOptionsFor(profileIceServers)), CONNECT_TIMEOUT_MS, answer);
  } catch (error) {
    // Given up or failed: the room is dropped, its connection attempt aborted; a later answer changes nothing.
    if (lifecycle.getState().room === room) {
      room.removeAllListeners();
      void room.disconnect();
    }
    return error instanceof ConnectTimeoutError && error.unanswered ? 'unanswered' : 'failed';
  }
  if (lifecycle.getState().room !== room) return 'failed';
  established = true;
  return (await publishChosenMedia(room, preferences, config)) ? 'joined' : 'failed';
}

let lastGrant: LivekitGrant | undefined;
let rejoining = false;

/** True once joined again, or once joining again is no longer wanted (the call was left). */
async function rejoinWithBackoff(grant: LivekitGrant): Promise<boolean> {
  lifecycle.setState({ phase: 'rejoining' });
  const started = Date.now();
  let unanswered = false;
  for (let attempt = 0; Date.now() - started < REJOIN_GIVE_UP_MS; attempt++) {
    const delay = nextRejoinDelayMs(attempt, unanswered);
    // A wait too short to read is not counted down.
    if (delay >= COUNTDOWN_MIN_MS) lifecycle.setState({ nextRejoinAt: Date.now() + delay });
    if (delay > 0) {
      await rejoinWait.wait(delay);
      lifecycle.setState({ nextRejoinAt: null });
    }
    if (lifecycle.getState().phase !== 'rejoining') return true;
    const outcome = await openRoom(grant, rejoinAnswerTimeoutMs(Date.now() - started));
    if (outcome === 'joined') return true;
    unanswered = outcome === 'unanswered';
  }
  return false;
}

/** The room was lost: join a fresh one by ourselves, and end the call as lost after the last attempt. */
async function rejoinAfterLoss(grant: LivekitGrant): Promise<void> {
  if (rejoining) return;
  rejoining = true;
  try {
    if (await rejoinWithBackoff(grant)) return;
  } finally {
    rejoining = false;
  }
  if (lifecycle.getState().phase !== 'rejoining') return;
  endCall('lost');
}

/** Joins the call's room with the grant; the call fails when the first connection cannot be made. */
export async function connectCall(grant: LivekitGrant): Promise<void> {
  lastGrant = grant;
  const connected = (await openRoom(grant)) === 'joined';
  if (!connected && lifecycle.getState().phase === 'connecting') lifecycle.setState({ phase: 'failed' });
}

/**
 * Joins again now: ends the wait before the next attempt, or, while livekit-client is still
 * trying to restore the session, gives up on it for a fresh join.
 */
export function rejoinNow(): void {
  if (rejoinWait.skip()) return;
  const { phase, room } = lifecycle.getState();
  const restoringSession = phase === 'connected' && room?.state === ConnectionState.Reconnecting;
  if ((phase === 'rejoining' || restoringSession) && lastGrant) void rejoinAfterLoss(lastGrant);
}
