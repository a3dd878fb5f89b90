// The connection options Meet's web app uses (adaptive stream, dynacast, VP9 with a VP8 backup
// for browsers that lack it, simulcast), plus the devices chosen in the prejoin.
import { VideoPresets, type RoomConnectOptions, type RoomOptions } from 'livekit-client';
import type { IceServer } from '../../../common/ice-servers';
import type { DevicePreferences } from '../devices/device-preferences';
import { sdkReconnectPolicy } from './rejoin-backoff';

export function roomOptionsFor(preferences: Pick<DevicePreferences, 'audioInputId' | 'videoInputId' | 'audioOutputId'>): RoomOptions {
  return {
    adaptiveStream: true,
    dynacast: true,
    // One peer connection to send and another to receive. The single connection that is
    // livekit-client 2.23's default puts every received track in the offers the page makes to
    // publish: in a room of 150 each publish (the microphone turned on, a screen shared) builds
    // and sends an offer with some 175 media sections, which on a busy 2-core machine took longer
    // than the SDK's 15 s negotiation deadline, and each miss restarted the whole call.
    singlePeerConnection: false,
    reconnectPolicy: sdkReconnectPolicy,
    publishDefaults: {
      videoCodec: 'vp9',
      backupCodec: { codec: 'vp8' },
      simulcast: true,
      red: true,
      dtx: true,
      screenShareEncoding: VideoPresets.h1080.encoding,
    },
    videoCaptureDefaults: {
      resolution: VideoPresets.h720.resolution,
      ...(preferences.videoInputId ? { deviceId: preferences.videoInputId } : {}),
    },
    audioCaptureDefaults: {
      echoCancellation: true,
      // The browser's own suppression stays on under RNNoise (noise-suppression/): it is what is
      // left when RNNoise is off or fails to start, and turning it on and off with RNNoise would
      // restart the capture each time, a gap in the voice. The two stack well: the browser's takes
      // out steady noise (fans, hum) gently, and RNNoise, after it, what remains between words and
      // the sudden noises it leaves (keyboard, voices around).
      noiseSuppression: true,
      autoGainControl: true,
      ...(preferences.audioInputId ? { deviceId: preferences.audioInputId } : {}),
    },
    ...(preferences.audioOutputId ? { audioOutput: { deviceId: preferences.audioOutputId } } : {}),
  };
}

/**
 * How the call connects. ICE servers: the profile's own when it names some (they replace the
 * LiveKit server's list); otherwise `rtcConfig.iceServers` stays unset so livekit-client uses the
 * list of the server's join answer. Either way the page's ICE guard (platform/ice-guard.ts) drops
 * every server off the profile's hosts, such as the Google and Twilio STUN servers a LiveKit
 * server with none configured hands out; the SFU's own candidates (UDP mux, ICE/TCP) need none.
 */
export function connectOptionsFor(profileIceServers?: readonly IceServer[]): RoomConnectOptions {
  return {
    autoSubscribe: true,
    ...(profileIceServers && profileIceServers.length > 0
      ? { rtcConfig: { iceServers: profileIceServers.map((server) => ({ ...server })) } }
      : {}),
    maxRetries: 3,
    peerConnectionTimeout: 15_000,
    websocketTimeout: 10_000,
  };
}

/** Beyond this the user sees an error with "Retry" rather than an endless spinner. */
export const CONNECT_TIMEOUT_MS = 20_000;

export class ConnectTimeoutError extends Error {
  /** `unanswered`: given up because the server had not answered the join in time (see AnswerDeadline). */
  constructor(readonly unanswered = false) {
    super(unanswered ? 'join unanswered' : 'connection timed out');
    this.name = 'ConnectTimeoutError';
  }
}

/** A shorter deadline for the server's answer to the join, inside the connection's whole timeout. */
export interface AnswerDeadline {
  /** Settles once the server answered (LiveKit's join response). */
  answered: Promise<unknown>;
  withinMs: number;
}

/** Rejects when `operation` takes longer than `timeoutMs`, or goes unanswered past `answer.withinMs`. */
export function withTimeout<T>(operation: Promise<T>, timeoutMs: number, answer?: AnswerDeadline): Promise<T> {
  const timers: ReturnType<typeof setTimeout>[] = [];
  const timeout = new Promise<never>((_, reject) => {
    timers.push(setTimeout(() => reject(new ConnectTimeoutError()), timeoutMs));
    if (!answer) return;
    const unanswered = setTimeout(() => reject(new ConnectTimeoutError(true)), answer.withinMs);
    timers.push(unanswered);
    answer.answered.then(
      () => clearTimeout(unanswered),
      () => undefined,
    );
  });
  return Promise.race([operation, timeout]).finally(() => timers.forEach(clearTimeout));
}

/**
 * The WebSocket URL of the LiveKit server the API handed out. Meet hands out `LIVEKIT_API_URL`
 * verbatim, often as `http(s)://`: the socket goes over the matching scheme (http → ws,
 * https → wss), which is also what upstream's `force_wss_protocol` asks for, so that flag needs
 * no separate handling. Anything else is left for the SDK to refuse.
 */
export function livekitSocketUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol === 'http:') return `ws:${url.slice('http:'.length)}`;
  if (parsed.protocol === 'https:') return `wss:${url.slice('https:'.length)}`;
  return url;
}
