// Samples the call's peer connections twice a second and tells the media health store whether
// the media stopped. getStats is local to the browser: nothing is sent anywhere.
import { Track, type Room } from 'livekit-client';
import { useEffect } from 'react';
import { useMediaHealthStore } from './connection-health';
import { MediaStallDetector } from './media-stall';

const SAMPLE_MS = 500;

/** The transports livekit-client keeps for the room; its engine is not part of its typed surface. */
interface Transport {
  getStats(): Promise<RTCStatsReport> | undefined;
  getICEConnectionState(): RTCIceConnectionState;
}

function transportsOf(room: Room): Transport[] {
  const manager = (room as unknown as { engine?: { pcManager?: { publisher?: Transport; subscriber?: Transport } } }).engine?.pcManager;
  return [manager?.publisher, manager?.subscriber].filter((transport): transport is Transport => Boolean(transport));
}

/**
 * Whether media should be arriving: a subscribed, unmuted remote track (a video only while shown),
 * or our own camera, which the server answers with feedback many times a second.
 */
export function expectsMedia(room: Room): boolean {
  for (const participant of room.remoteParticipants.values()) {
    for (const publication of participant.trackPublications.values()) {
      if (publication.isSubscribed && publication.track && !publication.isMuted && (publication.kind === Track.Kind.Audio || publication.isEnabled)) return true;
    }
  }
  const camera = room.localParticipant.getTrackPublication(Track.Source.Camera);
  return Boolean(camera?.track && !camera.isMuted);
}

interface TransportTotals {
  receivedBytes: number;
  checksSent: number;
  checksAnswered: number;
}

/** Bytes received, and ICE checks sent and answered on the selected candidate pairs, over `transports`. */
async function transportTotals(transports: Transport[]): Promise<TransportTotals> {
  const totals: TransportTotals = { receivedBytes: 0, checksSent: 0, checksAnswered: 0 };
  for (const transport of transports) {
    const report = await transport.getStats()?.catch(() => undefined);
    if (!report) continue;
    report.forEach((entry: { type: string; bytesReceived?: number; selectedCandidatePairId?: string }) => {
      if (entry.type !== 'transport') return;
      totals.receivedBytes += entry.bytesReceived ?? 0;
      const pair = entry.selectedCandidatePairId ? (report.get(entry.selectedCandidatePairId) as { requestsSent?: number; responsesReceived?: number } | undefined) : undefined;
      totals.checksSent += pair?.requestsSent ?? 0;
      totals.checksAnswered += pair?.responsesReceived ?? 0;
    });
  }
  return totals;
}

export function useMediaWatchdog(room: Room): void {
  useEffect(() => {
    const detector = new MediaStallDetector();
    const { setMediaStalled, noteMediaSample } = useMediaHealthStore.getState();
    let sampling = false;
    let stopped = false;
    const sample = async () => {
      if (sampling) return;
      sampling = true;
      try {
        const transports = transportsOf(room);
        const totals = await transportTotals(transports);
        if (stopped) return;
        const health = detector.health({
          at: Date.now(),
          ...totals,
          expectingMedia: expectsMedia(room),
          iceStates: transports.map((transport) => transport.getICEConnectionState()),
        });
        noteMediaSample(health);
      } finally {
        sampling = false;
      }
    };
    const timer = window.setInterval(() => void sample(), SAMPLE_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      setMediaStalled(false);
    };
  }, [room]);
}
