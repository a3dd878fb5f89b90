// What the benchmarks read inside the page. Page-side code is sent as source text: the TypeScript
// runner adds helpers to compiled functions that do not exist in the page.
import type { CDPSession, Page } from '@playwright/test';

/** Keeps every RTCPeerConnection the app creates, to read inbound RTP counters later. */
export const PEER_CONNECTION_RECORDER = `(() => {
  const Original = window.RTCPeerConnection;
  const connections = [];
  window.__benchPeerConnections = connections;
  window.RTCPeerConnection = class extends Original {
    constructor(...args) {
      super(...args);
      connections.push(this);
    }
  };
})();`;

export interface InboundVideoCounters {
  /** Per inbound video RTP stream (keyed by its stats id): frames decoded and bytes so far. */
  streams: Record<string, { framesDecoded: number; bytesReceived: number; shown: boolean }>;
}

export async function inboundVideoCounters(page: Page): Promise<InboundVideoCounters> {
  return page.evaluate(`(async () => {
    const streams = {};
    const shownTrackIds = new Set();
    for (const video of document.querySelectorAll('video')) {
      if (video.srcObject) for (const track of video.srcObject.getVideoTracks()) shownTrackIds.add(track.id);
    }
    for (const [index, connection] of (window.__benchPeerConnections || []).entries()) {
      if (connection.connectionState === 'closed') continue;
      const report = await connection.getStats();
      report.forEach((entry) => {
        if (entry.type === 'inbound-rtp' && entry.kind === 'video') {
          streams[index + ':' + entry.id] = {
            framesDecoded: entry.framesDecoded || 0,
            bytesReceived: entry.bytesReceived || 0,
            shown: shownTrackIds.has(entry.trackIdentifier),
          };
        }
      });
    }
    return { streams };
  })()`);
}

export interface VideoReception {
  /** Inbound video streams that decoded at least one frame during the window. */
  activeStreams: number;
  /** Of those, the streams no <video> element of the page shows (e.g. tiles on another grid page). */
  activeHiddenStreams: number;
  /** Frames decoded per second, all streams together. */
  decodedFramesPerSecond: number;
  /** Received video bitrate, all streams together. */
  kilobitsPerSecond: number;
}

export function videoReceptionBetween(start: InboundVideoCounters, end: InboundVideoCounters, seconds: number): VideoReception {
  let activeStreams = 0;
  let activeHiddenStreams = 0;
  let frames = 0;
  let bytes = 0;
  for (const [id, counters] of Object.entries(end.streams)) {
    const before = start.streams[id] ?? { framesDecoded: 0, bytesReceived: 0, shown: false };
    const decoded = counters.framesDecoded - before.framesDecoded;
    if (decoded > 0) activeStreams += 1;
    if (decoded > 0 && !counters.shown) activeHiddenStreams += 1;
    frames += Math.max(0, decoded);
    bytes += Math.max(0, counters.bytesReceived - before.bytesReceived);
  }
  return { activeStreams, activeHiddenStreams, decodedFramesPerSecond: frames / seconds, kilobitsPerSecond: (bytes * 8) / 1000 / seconds };
}

export interface GridState {
  /** Tiles rendered (the local participant included). */
  tiles: number;
  /** Remote camera tiles whose <video> has a size and an advancing time. */
  playingRemoteVideos: number;
  remoteTiles: number;
  /** Remote tiles whose video the low-bandwidth mode paused (they say so). */
  pausedByApp: number;
  /** Remote tiles with no <video> at all (camera off, unsubscribed, or not received). */
  withoutVideo: number;
  /** The pager's text ("Page 1 sur 2"), empty when the grid fits one page. */
  pager: string;
}

export function gridState(page: Page): Promise<GridState> {
  return page.evaluate(`(() => {
    const tiles = [...document.querySelectorAll('[data-testid="participant-tile"]')];
    const remote = tiles.filter((tile) => !/\\((vous|you)\\)$/.test(tile.getAttribute('aria-label') || ''));
    const playing = remote.filter((tile) => {
      const video = tile.querySelector('video');
      return video && video.videoWidth > 0 && video.currentTime > 0;
    });
    const pager = document.querySelector('.pager [aria-live]');
    return {
      tiles: tiles.length,
      remoteTiles: remote.length,
      playingRemoteVideos: playing.length,
      pausedByApp: remote.filter((tile) => tile.hasAttribute('data-video-paused')).length,
      withoutVideo: remote.filter((tile) => !tile.querySelector('video')).length,
      pager: pager ? pager.textContent : '',
    };
  })()`);
}

/** JSHeapUsedSize from the DevTools Performance domain (the session must have it enabled). */
export async function usedJsHeapBytes(session: CDPSession): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

/** Used heap after a full garbage collection: what the page really keeps. */
export async function retainedJsHeapBytes(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  return usedJsHeapBytes(session);
}

/**
 * Records, for every key press and pointer press, the time from the event to the next frame: a
 * requestAnimationFrame queued while the event is dispatched runs before that frame is painted,
 * and a message posted from it arrives once the frame is done. The app's handlers (and React's
 * synchronous render of discrete events) run in between, so the figure includes their work.
 */
export const INPUT_LATENCY_RECORDER = `(() => {
  const latencies = [];
  window.__benchInputLatencies = latencies;
  const record = (event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => latencies.push({ type: event.type, milliseconds: performance.now() - start });
      channel.port2.postMessage(0);
    });
  };
  addEventListener('keydown', record, { capture: true });
  addEventListener('pointerdown', record, { capture: true });
})();`;

export interface InputLatency {
  type: string;
  milliseconds: number;
}

/** The latencies recorded since the last call (the page's list is emptied). */
export function takeInputLatencies(page: Page): Promise<InputLatency[]> {
  return page.evaluate(`(window.__benchInputLatencies || []).splice(0)`);
}

/** Bytes received on every inbound audio stream so far, all peer connections together. */
export async function inboundAudioBytes(page: Page): Promise<number> {
  return page.evaluate(`(async () => {
    let bytes = 0;
    for (const connection of window.__benchPeerConnections || []) {
      if (connection.connectionState === 'closed') continue;
      const report = await connection.getStats();
      report.forEach((entry) => {
        if (entry.type === 'inbound-rtp' && entry.kind === 'audio') bytes += entry.bytesReceived || 0;
      });
    }
    return bytes;
  })()`);
}
