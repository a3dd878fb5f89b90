import { describe, expect, it } from 'vitest';
import { routeOf, sendRateKbps, transportSampleFrom } from './transport-stats';

/** Chromium's sender statistics for a published video track, trimmed to what is read. */
function senderStats(options: { local?: Record<string, unknown>; pairState?: string; withTransport?: boolean; remoteInbound?: boolean; bytesSent?: number; timestamp?: number } = {}) {
  const timestamp = options.timestamp ?? 1_000;
  return [
    ...(options.withTransport === false ? [] : [{ id: 'T01', type: 'transport', timestamp, selectedCandidatePairId: 'CP1' }]),
    { id: 'CP0', type: 'candidate-pair', timestamp, state: 'failed', localCandidateId: 'L0', remoteCandidateId: 'R1' },
    {
      id: 'CP1',
      type: 'candidate-pair',
      timestamp,
      state: options.pairState ?? 'succeeded',
      nominated: true,
      localCandidateId: 'L1',
      remoteCandidateId: 'R1',
      currentRoundTripTime: 0.0423,
      availableOutgoingBitrate: 1_234_567,
    },
    { id: 'L0', type: 'local-candidate', candidateType: 'host', protocol: 'tcp' },
    { id: 'L1', type: 'local-candidate', candidateType: 'srflx', protocol: 'udp', ...options.local },
    { id: 'R1', type: 'remote-candidate', candidateType: 'host', protocol: 'udp' },
    { id: 'OT1', type: 'outbound-rtp', timestamp, bytesSent: options.bytesSent ?? 50_000, packetsSent: 60 },
    ...(options.remoteInbound ? [{ id: 'RI1', type: 'remote-inbound-rtp', timestamp, roundTripTime: 0.05, packetsLost: 2 }] : []),
  ];
}

describe('the test track’s sender statistics', () => {
  it('name the pair the transport selected, its round trip and the bandwidth estimate', () => {
    const sample = transportSampleFrom(senderStats());
    expect(sample.selectedPair).toEqual({
      local: { type: 'srflx', protocol: 'udp', relayProtocol: null },
      remote: { type: 'host', protocol: 'udp', relayProtocol: null },
      roundTripMs: 42,
      availableOutgoingKbps: 1235,
    });
    expect(sample).toMatchObject({ bytesSent: 50_000, packetsSent: 60, serverReport: null, timestampMs: 1_000 });
  });

  it('fall back on the nominated pair that succeeded when no transport names one', () => {
    expect(transportSampleFrom(senderStats({ withTransport: false })).selectedPair?.local.type).toBe('srflx');
  });

  it('have no route before ICE succeeds, and nothing sent before the track is', () => {
    expect(transportSampleFrom(senderStats({ pairState: 'failed' })).selectedPair).toBeNull();
    expect(transportSampleFrom([])).toEqual({ timestampMs: null, selectedPair: null, bytesSent: 0, packetsSent: 0, serverReport: null });
  });

  it('carry what the server reported receiving', () => {
    expect(transportSampleFrom(senderStats({ remoteInbound: true })).serverReport).toEqual({ roundTripMs: 50, packetsLost: 2 });
  });

  it('tell a direct UDP route from TCP and from a TURN relay', () => {
    const pairWith = (local: Record<string, unknown>) => transportSampleFrom(senderStats({ local })).selectedPair!;
    expect(routeOf(pairWith({}))).toBe('udp');
    expect(routeOf(pairWith({ candidateType: 'host', protocol: 'tcp' }))).toBe('tcp');
    const relay = pairWith({ candidateType: 'relay', protocol: 'udp', relayProtocol: 'tls' });
    expect(routeOf(relay)).toBe('relay');
    expect(relay.local.relayProtocol).toBe('tls');
  });

  it('give the send rate between two samples', () => {
    const earlier = transportSampleFrom(senderStats({ bytesSent: 10_000, timestamp: 1_000 }));
    const later = transportSampleFrom(senderStats({ bytesSent: 60_000, timestamp: 3_000 }));
    expect(sendRateKbps(earlier, later)).toBe(200);
    expect(sendRateKbps(later, later)).toBeNull();
  });
});
