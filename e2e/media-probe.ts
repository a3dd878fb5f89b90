// Observes what the page really receives: every RTCPeerConnection the app creates is recorded
// (an init script wraps the constructor) so a test can read inbound RTP counters from getStats,
// and <video> elements are read for size and advancing playback.
import type { Page } from '@playwright/test';

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

/** Size, playback time and decoded frames of the remote video of one participant identity. */
export function remoteVideoState(page: Page, identity: string) {
  return page.evaluate((wanted) => {
    const video = document.querySelector<HTMLVideoElement>(`video[data-participant-identity="${CSS.escape(wanted)}"]`);
    if (!video) return null;
    const quality = video.getVideoPlaybackQuality?.();
    return {
      width: video.videoWidth,
      currentTime: video.currentTime,
      decodedFrames: quality?.totalVideoFrames ?? 0,
    };
  }, identity);
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
