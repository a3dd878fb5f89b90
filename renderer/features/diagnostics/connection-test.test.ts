import { describe, expect, it, vi } from 'vitest';
import { fail, ok, type Result } from '../../../common/ipc-contract';
import type { ConnectionTestGrant, MeetConfig } from '../../../common/meet-types';
import {
  ConnectionTestAborted,
  runConnectionTest,
  type Clock,
  type ConnectedProbe,
  type ConnectionTestPorts,
  type StepState,
} from './connection-test';
import type { SelectedPair, TransportSample } from './transport-stats';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl';
const grant: ConnectionTestGrant = { livekit: { url: 'ws://livekit.test:7880', room: 'connection-test-1', token: TOKEN, expires_in: 300 } };
const config = { livekit: { url: 'ws://livekit.test:7880' }, diagnostics: { connection_test_enabled: true } } as MeetConfig;

const udpPair: SelectedPair = {
  local: { type: 'host', protocol: 'udp', relayProtocol: null },
  remote: { type: 'host', protocol: 'udp', relayProtocol: null },
  roundTripMs: 12,
  availableOutgoingKbps: 2500,
};

/** A clock whose waits pass at once, moving time forward. */
function fakeClock(): Clock {
  let now = Date.parse('2026-12-02T09:30:00Z');
  return {
    now: () => now,
    sleep: async (milliseconds) => {
      now += milliseconds;
    },
  };
}

/** A LiveKit room whose statistics follow a script: one sample per call, the last one repeated. */
function fakeProbe(samples: Array<Partial<TransportSample>>, overrides: Partial<ConnectedProbe> = {}) {
  let published = false;
  let index = 0;
  const probe = {
    serverVersion: '1.13.5',
    publishTestTrack: vi.fn(async () => {
      published = true;
    }),
    sample: vi.fn(async (): Promise<TransportSample> => {
      const base: TransportSample = { timestampMs: null, selectedPair: null, bytesSent: 0, packetsSent: 0, serverReport: null };
      if (!published) return base;
      const sample = samples[Math.min(index, samples.length - 1)] ?? {};
      index += 1;
      return { ...base, timestampMs: index * 1000, ...sample };
    }),
    close: vi.fn(async () => undefined),
    ...overrides,
  };
  return probe;
}

/** A healthy path: a direct UDP route at once, bytes growing, the server acknowledging. */
const healthy = (pair: SelectedPair = udpPair) =>
  fakeProbe([
    { selectedPair: pair },
    { selectedPair: pair, packetsSent: 10, bytesSent: 5_000 },
    { selectedPair: pair, packetsSent: 30, bytesSent: 20_000, serverReport: { roundTripMs: 14, packetsLost: 0 } },
    { selectedPair: pair, packetsSent: 90, bytesSent: 70_000, serverReport: { roundTripMs: 14, packetsLost: 0 } },
  ]);

function ports(probe: ConnectedProbe | Error, answers: { config?: Result<MeetConfig>; grant?: Result<ConnectionTestGrant> } = {}) {
  return {
    loadConfig: vi.fn(async () => answers.config ?? ok(config)),
    requestGrant: vi.fn(async () => answers.grant ?? ok(grant)),
    connect: vi.fn(async () => {
      if (probe instanceof Error) throw probe;
      return probe;
    }),
  } satisfies ConnectionTestPorts;
}

async function run(testPorts: ConnectionTestPorts, signal = new AbortController().signal) {
  const changes: StepState[][] = [];
  const result = await runConnectionTest({ ports: testPorts, clock: fakeClock(), signal, onChange: (steps) => changes.push(steps) });
  const statuses = Object.fromEntries(result.steps.map((step) => [step.id, step.status]));
  return { result, statuses, changes };
}

describe('the connection test', () => {
  it('passes every step on a healthy path, connecting with the grant’s URL and token, and closes the room', async () => {
    const probe = healthy();
    const testPorts = ports(probe);
    const { result, statuses } = await run(testPorts);
    expect(statuses).toEqual({ backend: 'pass', signalling: 'pass', ice: 'pass', media: 'pass', bandwidth: 'pass' });
    expect(result.outcome).toBe('pass');
    expect(testPorts.connect).toHaveBeenCalledWith('ws://livekit.test:7880', TOKEN);
    expect(result.livekitUrl).toBe('ws://livekit.test:7880');
    expect(result.selectedPair).toEqual({ local: udpPair.local, remote: udpPair.remote });
    const byId = Object.fromEntries(result.steps.map((step) => [step.id, step]));
    expect(byId.ice?.message).toEqual({ key: 'routeUdp' });
    expect(byId.media?.message).toEqual({ key: 'mediaAcknowledged' });
    expect(byId.bandwidth?.details).toMatchObject({ roundTripMs: 12, availableOutgoingKbps: 2500 });
    expect(byId.bandwidth?.message).toEqual({ key: 'bandwidthGood', values: { roundTrip: 12, bandwidth: 2500 } });
    expect(result.steps.every((step) => step.durationMs !== null && step.durationMs >= 0)).toBe(true);
    expect(probe.close).toHaveBeenCalledTimes(1);
  });

  it('shows the steps one by one: each runs, then ends, in order', async () => {
    const { changes } = await run(ports(healthy()));
    const running = changes.map((steps) => steps.find((step) => step.status === 'running')?.id).filter(Boolean);
    expect(running).toEqual(['backend', 'signalling', 'ice', 'media', 'bandwidth']);
    // Never two at once.
    expect(changes.every((steps) => steps.filter((step) => step.status === 'running').length <= 1)).toBe(true);
  });

  it('fails signalling when LiveKit cannot be reached, skips what depends on it, and keeps no token in what it says', async () => {
    const down = new Error(`could not establish signal connection: ws://livekit.test:7880/rtc?access_token=${TOKEN}`);
    const { result, statuses } = await run(ports(down));
    expect(statuses).toEqual({ backend: 'pass', signalling: 'fail', ice: 'skipped', media: 'skipped', bandwidth: 'skipped' });
    expect(result.outcome).toBe('fail');
    const signalling = result.steps.find((step) => step.id === 'signalling');
    expect(signalling?.message).toEqual({ key: 'signallingFailed' });
    expect(String(signalling?.details.error)).toContain('could not establish signal connection');
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('says the instance turned the test off when the grant answers 404, without trying LiveKit', async () => {
    const testPorts = ports(healthy(), { grant: { ok: false, error: { code: 'not_found', status: 404, serverMessage: 'Not found.' } } });
    const { result, statuses } = await run(testPorts);
    expect(result.outcome).toBe('disabled');
    expect(statuses).toEqual({ backend: 'pass', signalling: 'skipped', ice: 'skipped', media: 'skipped', bandwidth: 'skipped' });
    expect(result.steps[1]?.message).toEqual({ key: 'skippedDisabled' });
    expect(testPorts.connect).not.toHaveBeenCalled();
  });

  it('does not even ask for a grant when the instance’s config says the test is off', async () => {
    const off = { ...config, diagnostics: { connection_test_enabled: false } } as MeetConfig;
    const testPorts = ports(healthy(), { config: ok(off) });
    const { result } = await run(testPorts);
    expect(result.outcome).toBe('disabled');
    expect(testPorts.requestGrant).not.toHaveBeenCalled();
  });

  it('fails the backend step when the service does not answer, and when it refuses the grant', async () => {
    const unreachable = await run(ports(healthy(), { config: fail('network', undefined, 'ECONNREFUSED') }));
    expect(unreachable.statuses.backend).toBe('fail');
    expect(unreachable.result.steps[0]?.message).toEqual({ key: 'backendUnreachable' });
    expect(unreachable.result.outcome).toBe('fail');
    const refused = await run(ports(healthy(), { grant: fail('forbidden', 403) }));
    expect(refused.statuses).toMatchObject({ backend: 'fail', signalling: 'skipped' });
    expect(refused.result.steps[0]?.details).toMatchObject({ errorCode: 'forbidden', httpStatus: 403 });
  });

  it('warns when media goes through a TURN relay, naming its transport, and when it goes over TCP', async () => {
    const relay: SelectedPair = { ...udpPair, local: { type: 'relay', protocol: 'udp', relayProtocol: 'tls' } };
    const relayed = await run(ports(healthy(relay)));
    expect(relayed.statuses.ice).toBe('warn');
    expect(relayed.result.steps[2]?.message).toEqual({ key: 'routeRelay', values: { transport: 'TLS' } });
    expect(relayed.result.outcome).toBe('warn');
    const tcp: SelectedPair = { ...udpPair, local: { type: 'host', protocol: 'tcp', relayProtocol: null } };
    const overTcp = await run(ports(healthy(tcp)));
    expect(overTcp.statuses.ice).toBe('warn');
    expect(overTcp.result.steps[2]?.details).toMatchObject({ route: 'tcp', localProtocol: 'tcp' });
  });

  it('fails the route when ICE never selects a pair, after a bounded wait', async () => {
    const { statuses, result } = await run(ports(fakeProbe([{}])));
    expect(statuses).toEqual({ backend: 'pass', signalling: 'pass', ice: 'fail', media: 'skipped', bandwidth: 'skipped' });
    expect(result.steps[2]?.message).toEqual({ key: 'routeNotFound' });
  });

  it('fails media when the test track sends nothing, and when it stops after the first packets', async () => {
    const silent = await run(ports(fakeProbe([{ selectedPair: udpPair }])));
    expect(silent.statuses).toMatchObject({ ice: 'pass', media: 'fail', bandwidth: 'skipped' });
    const stalled = await run(ports(fakeProbe([{ selectedPair: udpPair }, { selectedPair: udpPair, packetsSent: 3, bytesSent: 900 }])));
    expect(stalled.statuses.media).toBe('fail');
    expect(stalled.result.steps[3]?.details).toMatchObject({ packetsSent: 3 });
  });

  it('passes media without the server’s receipt, saying only that it left', async () => {
    const pair = udpPair;
    const { result } = await run(ports(fakeProbe([{ selectedPair: pair }, { selectedPair: pair, packetsSent: 5, bytesSent: 1_000 }, { selectedPair: pair, packetsSent: 50, bytesSent: 40_000 }])));
    expect(result.steps[3]).toMatchObject({ status: 'pass', message: { key: 'mediaSent' }, details: { serverAcknowledged: false } });
  });

  it('warns on a slow round trip or little bandwidth, and when neither can be measured', async () => {
    const slow = await run(ports(healthy({ ...udpPair, roundTripMs: 450 })));
    expect(slow.result.steps[4]).toMatchObject({ status: 'warn', message: { key: 'bandwidthLow', values: { roundTrip: 450, bandwidth: 2500 } } });
    const narrow = await run(ports(healthy({ ...udpPair, availableOutgoingKbps: 90 })));
    expect(narrow.statuses.bandwidth).toBe('warn');
    const unknown = await run(ports(fakeProbe([{ selectedPair: { ...udpPair, roundTripMs: null, availableOutgoingKbps: null } }, { selectedPair: { ...udpPair, roundTripMs: null, availableOutgoingKbps: null }, packetsSent: 5, bytesSent: 900 }, { selectedPair: { ...udpPair, roundTripMs: null, availableOutgoingKbps: null }, packetsSent: 9, bytesSent: 2_000 }])));
    expect(unknown.result.steps[4]).toMatchObject({ status: 'warn', message: { key: 'bandwidthUnknown' } });
  });

  it('fails the route step when the test track cannot be published', async () => {
    const probe = fakeProbe([], { publishTestTrack: vi.fn(async () => Promise.reject(new Error('publishing rejected'))) });
    const { statuses } = await run(ports(probe));
    expect(statuses).toMatchObject({ signalling: 'pass', ice: 'fail', media: 'skipped' });
    expect(probe.close).toHaveBeenCalledTimes(1);
  });

  it('stops when aborted, closing the room it opened', async () => {
    const controller = new AbortController();
    const probe = fakeProbe([{ selectedPair: udpPair }], {
      publishTestTrack: vi.fn(async () => {
        controller.abort();
      }),
    });
    await expect(run(ports(probe), controller.signal)).rejects.toBeInstanceOf(ConnectionTestAborted);
    expect(probe.close).toHaveBeenCalledTimes(1);
  });
});
