// The connection test's ports on the real thing: the backend through the preload API, LiveKit
// through livekit-client's Room, the same way a call connects (same ICE servers, same guard on
// them, same reconnection policy), with a synthetic video track so that the network steps need
// no camera; the devices through device-probe.ts.
import { ConnectionState, Room, RoomEvent, Track, type LocalTrackPublication } from 'livekit-client';
import { invoke } from '../../platform/visio';
import { sdkReconnectPolicy } from '../call/rejoin-backoff';
import { connectOptionsFor, livekitSocketUrl, withTimeout } from '../call/room-options';
import { CONNECT_TIMEOUT_MS, type Clock, type ConnectedProbe, type ConnectionTestPorts, type ReconnectCheck } from './connection-test';
import { listenToMicrophone, watchCamera } from './device-probe';
import { transportSampleFrom, type TransportSample } from './transport-stats';
import { knownAppInfo } from '../../platform/backend-queries';

const PROBE_WIDTH = 320;
const PROBE_HEIGHT = 180;
const PROBE_FPS = 15;

const EMPTY_SAMPLE: TransportSample = { timestampMs: null, selectedPair: null, bytesSent: 0, packetsSent: 0, serverReport: null };

/** A canvas whose colour keeps changing: the encoder has something to send at every frame. */
function createProbeTrack(): { track: MediaStreamTrack; stop(): void } {
  const canvas = document.createElement('canvas');
  canvas.width = PROBE_WIDTH;
  canvas.height = PROBE_HEIGHT;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  let hue = 0;
  const draw = () => {
    hue = (hue + 7) % 360;
    context.fillStyle = `hsl(${hue}, 80%, 50%)`;
    context.fillRect(0, 0, PROBE_WIDTH, PROBE_HEIGHT);
    context.fillStyle = '#fff';
    context.fillRect((hue / 360) * PROBE_WIDTH, PROBE_HEIGHT / 3, 24, 24);
  };
  draw();
  // A timer rather than animation frames: frames stop in a window out of sight.
  const timer = setInterval(draw, 1000 / PROBE_FPS);
  const track = canvas.captureStream(PROBE_FPS).getVideoTracks()[0];
  if (!track) {
    clearInterval(timer);
    throw new Error('no canvas capture');
  }
  return {
    track,
    stop: () => {
      clearInterval(timer);
      track.stop();
    },
  };
}

async function connectProbe(url: string, token: string): Promise<ConnectedProbe> {
  const room = new Room({ adaptiveStream: false, dynacast: false, reconnectPolicy: sdkReconnectPolicy });
  const profileIceServers = knownAppInfo()?.profile.iceServers;
  try {
    // One attempt: the test reports what happens, it does not hide it behind retries.
    await withTimeout(room.connect(livekitSocketUrl(url), token, { ...connectOptionsFor(profileIceServers), autoSubscribe: false, maxRetries: 0 }), CONNECT_TIMEOUT_MS);
  } catch (error) {
    void room.disconnect();
    throw error;
  }
  let probeTrack: ReturnType<typeof createProbeTrack> | null = null;
  let publication: LocalTrackPublication | null = null;
  return {
    serverVersion: room.serverInfo?.version ?? null,
    async publishTestTrack() {
      probeTrack = createProbeTrack();
      // The test grant allows the camera source; an unknown one would be refused.
      publication = await room.localParticipant.publishTrack(probeTrack.track, {
        source: Track.Source.Camera,
        simulcast: false,
        videoCodec: 'vp8',
        videoEncoding: { maxBitrate: 500_000, maxFramerate: PROBE_FPS },
      });
    },
    async sample() {
      const report = await publication?.track?.getRTCStatsReport();
      return report ? transportSampleFrom(report.values() as Iterable<Record<string, unknown>>) : EMPTY_SAMPLE;
    },
    resumeSignalling: (timeoutMs) => resumeSignalling(room, timeoutMs),
    async close() {
      probeTrack?.stop();
      await room.disconnect();
    },
  };
}

/**
 * Cuts the signalling connection the way a network hiccup does (livekit-client's own simulation
 * closes its WebSocket) and waits for livekit-client to resume the session, or to give it up.
 */
function resumeSignalling(room: Room, timeoutMs: number): Promise<ReconnectCheck> {
  return new Promise((resolve) => {
    const cutAt = performance.now();
    let attempted = false;
    const onReconnecting = () => {
      attempted = true;
    };
    const finish = (reconnected: boolean) => {
      clearTimeout(timer);
      room.off(RoomEvent.SignalReconnecting, onReconnecting).off(RoomEvent.Reconnecting, onReconnecting);
      room.off(RoomEvent.Reconnected, onReconnected).off(RoomEvent.Disconnected, onDisconnected);
      resolve({ attempted, reconnected, durationMs: reconnected ? Math.round(performance.now() - cutAt) : null });
    };
    const onReconnected = () => finish(room.state === ConnectionState.Connected);
    const onDisconnected = () => finish(false);
    const timer = setTimeout(() => finish(false), timeoutMs);
    room.on(RoomEvent.SignalReconnecting, onReconnecting).on(RoomEvent.Reconnecting, onReconnecting);
    room.on(RoomEvent.Reconnected, onReconnected).on(RoomEvent.Disconnected, onDisconnected);
    room.simulateScenario('signal-reconnect').catch(() => finish(false));
  });
}

export const livekitConnectionTestPorts: ConnectionTestPorts = {
  loadConfig: () => invoke('backend:config', undefined),
  requestGrant: () => invoke('backend:diagnostics:connection', undefined),
  connect: connectProbe,
  listenToMicrophone,
  watchCamera,
};

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (milliseconds, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(done, milliseconds);
      signal.addEventListener('abort', done, { once: true });
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
    }),
};
