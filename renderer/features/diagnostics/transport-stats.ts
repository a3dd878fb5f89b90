// What the connection test reads in WebRTC's statistics of the test track's sender: the candidate
// pair the media goes through (direct UDP, TCP, or a TURN relay), the bytes leaving, and what the
// LiveKit server says it received (RTCP receiver reports). Plain objects in, plain figures out.
import type { CandidateDescription } from '../../../common/connection-test-report';

type Stats = Record<string, unknown>;

export interface SelectedPair {
  local: CandidateDescription;
  remote: CandidateDescription;
  /** Milliseconds, from the STUN consent checks on the pair. */
  roundTripMs: number | null;
  /** What the browser's congestion control would let this connection send, in kbit/s. */
  availableOutgoingKbps: number | null;
}

export interface TransportSample {
  /** When the statistics were taken, in milliseconds (the stats' own clock). */
  timestampMs: number | null;
  selectedPair: SelectedPair | null;
  bytesSent: number;
  packetsSent: number;
  /** The server's receiver reports: present once it said it got our packets. */
  serverReport: { roundTripMs: number | null; packetsLost: number | null } | null;
}

const numberOf = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const textOf = (value: unknown): string | null => (typeof value === 'string' && value.length <= 16 ? value.toLowerCase() : null);
const milliseconds = (seconds: number | null) => (seconds === null ? null : Math.round(seconds * 1000));

function candidate(stats: Stats | undefined): CandidateDescription {
  return {
    type: textOf(stats?.candidateType),
    protocol: textOf(stats?.protocol),
    relayProtocol: textOf(stats?.relayProtocol),
  };
}

export function transportSampleFrom(entries: Iterable<Stats>): TransportSample {
  const byId = new Map<string, Stats>();
  for (const stats of entries) if (typeof stats.id === 'string') byId.set(stats.id, stats);
  const all = [...byId.values()];

  // The transport names the pair in use; without it (older stacks), the nominated pair that
  // succeeded stands for it.
  const selectedId = all.find((stats) => stats.type === 'transport' && typeof stats.selectedCandidatePairId === 'string')
    ?.selectedCandidatePairId as string | undefined;
  const pair =
    (selectedId ? byId.get(selectedId) : undefined) ??
    all.find((stats) => stats.type === 'candidate-pair' && stats.state === 'succeeded' && stats.nominated === true);

  const outbound = all.filter((stats) => stats.type === 'outbound-rtp');
  const remoteInbound = all.find((stats) => stats.type === 'remote-inbound-rtp');
  const timestamps = all.map((stats) => numberOf(stats.timestamp)).filter((value): value is number => value !== null);
  const available = numberOf(pair?.availableOutgoingBitrate);

  return {
    timestampMs: timestamps.length > 0 ? Math.max(...timestamps) : null,
    selectedPair:
      pair && pair.state !== 'failed'
        ? {
            local: candidate(byId.get(pair.localCandidateId as string)),
            remote: candidate(byId.get(pair.remoteCandidateId as string)),
            roundTripMs: milliseconds(numberOf(pair.currentRoundTripTime)),
            availableOutgoingKbps: available === null ? null : Math.round(available / 1000),
          }
        : null,
    bytesSent: outbound.reduce((sum, stats) => sum + (numberOf(stats.bytesSent) ?? 0), 0),
    packetsSent: outbound.reduce((sum, stats) => sum + (numberOf(stats.packetsSent) ?? 0), 0),
    serverReport: remoteInbound
      ? { roundTripMs: milliseconds(numberOf(remoteInbound.roundTripTime)), packetsLost: numberOf(remoteInbound.packetsLost) }
      : null,
  };
}

export type RouteKind = 'udp' | 'tcp' | 'relay';

/** How the media travels: straight over UDP (best), straight over TCP, or through a TURN relay. */
export function routeOf(pair: SelectedPair): RouteKind {
  if (pair.local.type === 'relay' || pair.remote.type === 'relay') return 'relay';
  return pair.local.protocol === 'tcp' ? 'tcp' : 'udp';
}

/** kbit/s sent between two samples, or null when they do not allow telling. */
export function sendRateKbps(earlier: TransportSample, later: TransportSample): number | null {
  if (earlier.timestampMs === null || later.timestampMs === null) return null;
  const elapsed = later.timestampMs - earlier.timestampMs;
  if (elapsed <= 0) return null;
  return Math.round(((later.bytesSent - earlier.bytesSent) * 8) / elapsed);
}
