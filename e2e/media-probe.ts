// Observes what the page really receives: every RTCPeerConnection the app creates is recorded
// (an init script wraps the constructor) so a test can read inbound RTP counters from getStats,
// and <video> elements are read for size and advancing playback.
import { expect, type Page } from '@playwright/test';

export async function recordPeerConnections(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Original = window.RTCPeerConnection;
    const connections: RTCPeerConnection[] = [];
    (window as unknown as { __visioPeerConnections: RTCPeerConnection[] }).__visioPeerConnections = connections;
    class Recorded extends Original {
      constructor(configuration?: RTCConfiguration) {
        super(configuration);
        connections.push(this);
      }
    }
    window.RTCPeerConnection = Recorded as typeof RTCPeerConnection;
  });
}

/** Total inbound RTP bytes of one kind over every peer connection of the page. */
export function inboundBytes(page: Page, kind: 'audio' | 'video'): Promise<number> {
  return page.evaluate(async (wanted) => {
    const connections = (window as unknown as { __visioPeerConnections?: RTCPeerConnection[] }).__visioPeerConnections ?? [];
    let total = 0;
    for (const connection of connections) {
      if (connection.connectionState === 'closed') continue;
      const report = await connection.getStats();
      report.forEach((entry: { type: string; kind?: string; bytesReceived?: number }) => {
        if (entry.type === 'inbound-rtp' && entry.kind === wanted) total += entry.bytesReceived ?? 0;
      });
    }
    return total;
  }, kind);
}

/**
 * How long media may take to start or to move on. Two browsers, LiveKit and the devstack share two
 * busy cores: a first frame or the next one can take many seconds, and a wait only ends early.
 */
export const MEDIA_TIMEOUT = 120_000;

export interface VideoState {
  /** Which <video> element this is: a replaced element (a track subscribed again) counts anew. */
  element: number;
  width: number;
  currentTime: number;
  decodedFrames: number;
}

/** Size, playback time and decoded frames of the first <video> matching `selector`. */
export function videoState(page: Page, selector: string): Promise<VideoState | null> {
  return page.evaluate((wanted) => {
    const video = document.querySelector<HTMLVideoElement>(wanted);
    if (!video) return null;
    const probe = window as unknown as { __visioVideoIds?: WeakMap<HTMLVideoElement, number>; __visioNextVideoId?: number };
    const ids = (probe.__visioVideoIds ??= new WeakMap());
    if (!ids.has(video)) ids.set(video, (probe.__visioNextVideoId = (probe.__visioNextVideoId ?? 0) + 1));
    return { element: ids.get(video)!, width: video.videoWidth, currentTime: video.currentTime, decodedFrames: video.getVideoPlaybackQuality().totalVideoFrames };
  }, selector);
}

/** The <video> of one remote participant's camera. */
export const remoteVideo = (identity: string) => `video[data-participant-identity=${JSON.stringify(identity)}]`;

/** Size, playback time and decoded frames of the remote video of one participant identity. */
export const remoteVideoState = (page: Page, identity: string) => videoState(page, remoteVideo(identity));

/**
 * The video plays: it has a size, then one and the same <video> shows its decoded frames and its
 * playback time move on, twice, so it is not one last frame arriving before a freeze. Only
 * progress is asserted, never a rate: a blurred camera drawn without a GPU sends a few frames a
 * second, fewer on a busy machine. A busy machine may also make LiveKit reconnect, which puts a
 * new element in place: its progress is counted from its own start.
 */
export async function expectVideoPlaying(page: Page, selector: string): Promise<void> {
  await expect.poll(async () => (await videoState(page, selector))?.width ?? 0, { timeout: MEDIA_TIMEOUT, message: `${selector} has a size` }).toBeGreaterThan(0);
  let last: VideoState | null = null;
  let advances = 0;
  await expect
    .poll(
      async () => {
        const now = await videoState(page, selector);
        if (!now) return advances;
        if (!last || last.element !== now.element) {
          last = now;
          advances = 0;
        } else if (now.decodedFrames > last.decodedFrames && now.currentTime > last.currentTime) {
          last = now;
          advances += 1;
        }
        return advances;
      },
      { timeout: MEDIA_TIMEOUT, message: `${selector} moves on, twice (decoded frames and playback time)` },
    )
    .toBeGreaterThanOrEqual(2);
}

/** The identities of the remote participants whose camera tiles hold a video element. */
export function remoteVideoIdentities(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    return [...document.querySelectorAll<HTMLElement>('[data-testid="participant-tile"][data-source="camera"]')]
      .filter((tile) => !/\((vous|you)\)$/.test(tile.getAttribute('aria-label') ?? ''))
      .map((tile) => tile.querySelector('video')?.getAttribute('data-participant-identity'))
      .filter((identity): identity is string => Boolean(identity));
  });
}

interface CaptureProbe {
  __visioCaptures: { cameraRequests: number; screenRequests: number; cameras: MediaStreamTrack[]; microphones: MediaStreamTrack[] };
}

/**
 * Records, from the page's first script, every camera, microphone and screen capture it asks for,
 * and the camera and microphone tracks it is given: a test can then wait for a capture to be done
 * and tell whether one was ever asked for.
 */
export async function recordCaptures(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const captures: CaptureProbe['__visioCaptures'] = { cameraRequests: 0, screenRequests: 0, cameras: [], microphones: [] };
    (window as unknown as CaptureProbe).__visioCaptures = captures;
    const devices = navigator.mediaDevices;
    if (!devices) return;
    const getUserMedia = devices.getUserMedia.bind(devices);
    devices.getUserMedia = async (constraints) => {
      if (constraints?.video) captures.cameraRequests++;
      const stream = await getUserMedia(constraints);
      captures.cameras.push(...stream.getVideoTracks());
      captures.microphones.push(...stream.getAudioTracks());
      return stream;
    };
    const getDisplayMedia = devices.getDisplayMedia.bind(devices);
    devices.getDisplayMedia = (options) => {
      captures.screenRequests++;
      return getDisplayMedia(options);
    };
  });
}

/** What the page asked for and holds now (needs `recordCaptures`). */
export function captures(page: Page): Promise<{ cameraRequests: number; screenRequests: number; liveMicrophones: number; liveCameraHeights: number[] }> {
  return page.evaluate(() => {
    const recorded = (window as unknown as CaptureProbe).__visioCaptures;
    const live = (tracks: MediaStreamTrack[]) => tracks.filter((track) => track.readyState === 'live');
    return {
      cameraRequests: recorded.cameraRequests,
      screenRequests: recorded.screenRequests,
      liveMicrophones: live(recorded.microphones).length,
      liveCameraHeights: live(recorded.cameras).map((track) => track.getSettings().height ?? 0),
    };
  });
}

/** The protocol of the local candidate of each peer connection's selected pair. */
export function selectedCandidateProtocols(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const connections = (window as unknown as { __visioPeerConnections?: RTCPeerConnection[] }).__visioPeerConnections ?? [];
    const protocols: string[] = [];
    for (const connection of connections) {
      if (connection.connectionState !== 'connected') continue;
      const report = await connection.getStats();
      const stats = new Map<string, Record<string, unknown>>();
      report.forEach((entry: Record<string, unknown>) => stats.set(entry.id as string, entry));
      for (const entry of stats.values()) {
        if (entry.type !== 'transport' || !entry.selectedCandidatePairId) continue;
        const pair = stats.get(entry.selectedCandidatePairId as string);
        const local = pair && stats.get(pair.localCandidateId as string);
        if (local) protocols.push(String(local.relayProtocol ?? local.protocol));
      }
    }
    return protocols;
  });
}
