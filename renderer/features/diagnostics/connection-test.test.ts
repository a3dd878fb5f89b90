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
import type { CameraCheck, MicrophoneCheck } from './device-checks';
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
    resumeSignalling: vi.fn(async () => ({ attempted: true, reconnected: true, durationMs: 180 })),
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

const heardMicrophone: MicrophoneCheck = { opened: true, device: 'Micro USB', peakLevel: 0.2, heardAfterMs: 340 };
const workingCamera: CameraCheck = { opened: true, device: 'Caméra intégrée', frames: 30, size: { width: 1280, height: 720 }, frameRate: 30, wanted: { width: 1280, height: 720 } };

function ports(
  probe: ConnectedProbe | Error,
  answers: { config?: Result<MeetConfig>; grant?: Result<ConnectionTestGrant>; microphone?: MicrophoneCheck; camera?: CameraCheck } = {},
) {
  return {
    listenToMicrophone: vi.fn(async () => answers.microphone ?? heardMicrophone),
    watchCamera: vi.fn(async () => answers.camera ?? workingCamera),
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
  const byId = (id: StepState['id']) => result.steps.find((step) => step.id === id);
  return { result, statuses, changes, byId };
}

/** The devices' steps on working devices. */
const devicesPass = { microphone: 'pass', camera: 'pass' };

describe('the connection test', () => {
  it('passes every step on a healthy path, connecting with the grant’s URL and token, and closes the room', async () => {
    const probe = healthy();
    const testPorts = ports(probe);
    const { result, statuses } = await run(testPorts);
    expect(statuses).toEqual({ ...devicesPass, backend: 'pass', signalling: 'pass', ice: 'pass', media: 'pass', bandwidth: 'pass', reconnect: 'pass' });
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
    expect(running).toEqual(['microphone', 'camera', 'backend', 'signalling', 'ice', 'media', 'bandwidth', 'reconnect']);
    // Never two at once.
    expect(changes.every((steps) => steps.filter((step) => step.status === 'running').length <= 1)).toBe(true);
  });

  it('fails signalling when LiveKit cannot be reached, skips what depends on it, and keeps no token in what it says', async () => {
    const down = new Error(`could not establish signal connection: ws://livekit.test:7880/rtc?access_token=${TOKEN}`);
    const { result, statuses } = await run(ports(down));
    expect(statuses).toEqual({ ...devicesPass, backend: 'pass', signalling: 'fail', ice: 'skipped', media: 'skipped', bandwidth: 'skipped', reconnect: 'skipped' });
    expect(result.outcome).toBe('fail');
    const signalling = result.steps.find((step) => step.id === 'signalling');
    expect(signalling?.message).toEqual({ key: 'signallingFailed' });
    expect(String(signalling?.details.error)).toContain('could not establish signal connection');
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('says the instance turned the test off when the grant answers 404, without trying LiveKit', async () => {
    const testPorts = ports(healthy(), { grant: { ok: false, error: { code: 'not_found', status: 404, serverMessage: 'Not found.' } } });
    const { result, statuses, byId } = await run(testPorts);
    expect(result.outcome).toBe('disabled');
    expect(statuses).toEqual({ ...devicesPass, backend: 'pass', signalling: 'skipped', ice: 'skipped', media: 'skipped', bandwidth: 'skipped', reconnect: 'skipped' });
    expect(byId('signalling')?.message).toEqual({ key: 'skippedDisabled' });
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
    expect(unreachable.byId('backend')?.message).toEqual({ key: 'backendUnreachable' });
    expect(unreachable.result.outcome).toBe('fail');
    const refused = await run(ports(healthy(), { grant: fail('forbidden', 403) }));
    expect(refused.statuses).toMatchObject({ backend: 'fail', signalling: 'skipped' });
    expect(refused.byId('backend')?.details).toMatchObject({ errorCode: 'forbidden', httpStatus: 403 });
  });

  it('warns when media goes through a TURN relay, naming its transport, and when it goes over TCP', async () => {
    const relay: SelectedPair = { ...udpPair, local: { type: 'relay', protocol: 'udp', relayProtocol: 'tls' } };
    const relayed = await run(ports(healthy(relay)));
    expect(relayed.statuses.ice).toBe('warn');
    expect(relayed.byId('ice')?.message).toEqual({ key: 'routeRelay', values: { transport: 'TLS' } });
    expect(relayed.result.outcome).toBe('warn');
    const tcp: SelectedPair = { ...udpPair, local: { type: 'host', protocol: 'tcp', relayProtocol: null } };
    const overTcp = await run(ports(healthy(tcp)));
    expect(overTcp.statuses.ice).toBe('warn');
    expect(overTcp.byId('ice')?.details).toMatchObject({ route: 'tcp', localProtocol: 'tcp' });
  });

  it('fails the route when ICE never selects a pair, after a bounded wait', async () => {
    const { statuses, byId } = await run(ports(fakeProbe([{}])));
    expect(statuses).toEqual({ ...devicesPass, backend: 'pass', signalling: 'pass', ice: 'fail', media: 'skipped', bandwidth: 'skipped', reconnect: 'skipped' });
    expect(byId('ice')?.message).toEqual({ key: 'routeNotFound' });
  });

  it('fails media when the test track sends nothing, and when it stops after the first packets', async () => {
    const silent = await run(ports(fakeProbe([{ selectedPair: udpPair }])));
    expect(silent.statuses).toMatchObject({ ice: 'pass', media: 'fail', bandwidth: 'skipped' });
    const stalled = await run(ports(fakeProbe([{ selectedPair: udpPair }, { selectedPair: udpPair, packetsSent: 3, bytesSent: 900 }])));
    expect(stalled.statuses.media).toBe('fail');
    expect(stalled.byId('media')?.details).toMatchObject({ packetsSent: 3 });
  });

  it('passes media without the server’s receipt, saying only that it left', async () => {
    const pair = udpPair;
    const { byId } = await run(ports(fakeProbe([{ selectedPair: pair }, { selectedPair: pair, packetsSent: 5, bytesSent: 1_000 }, { selectedPair: pair, packetsSent: 50, bytesSent: 40_000 }])));
    expect(byId('media')).toMatchObject({ status: 'pass', message: { key: 'mediaSent' }, details: { serverAcknowledged: false } });
  });

  it('warns on a slow round trip or little bandwidth, and when neither can be measured', async () => {
    const slow = await run(ports(healthy({ ...udpPair, roundTripMs: 450 })));
    expect(slow.byId('bandwidth')).toMatchObject({ status: 'warn', message: { key: 'bandwidthLow', values: { roundTrip: 450, bandwidth: 2500 } } });
    const narrow = await run(ports(healthy({ ...udpPair, availableOutgoingKbps: 90 })));
    expect(narrow.statuses.bandwidth).toBe('warn');
    const unknown = await run(ports(fakeProbe([{ selectedPair: { ...udpPair, roundTripMs: null, availableOutgoingKbps: null } }, { selectedPair: { ...udpPair, roundTripMs: null, availableOutgoingKbps: null }, packetsSent: 5, bytesSent: 900 }, { selectedPair: { ...udpPair, roundTripMs: null, availableOutgoingKbps: null }, packetsSent: 9, bytesSent: 2_000 }])));
    expect(unknown.byId('bandwidth')).toMatchObject({ status: 'warn', message: { key: 'bandwidthUnknown' } });
  });

  it('fails the route step when the test track cannot be published', async () => {
    const probe = fakeProbe([], { publishTestTrack: vi.fn(async () => Promise.reject(new Error('publishing rejected'))) });
    const { statuses } = await run(ports(probe));
    expect(statuses).toMatchObject({ signalling: 'pass', ice: 'fail', media: 'skipped' });
    expect(probe.close).toHaveBeenCalledTimes(1);
  });

  it('hears the chosen microphone and sees the chosen camera’s frames at the chosen size, with no advice to give', async () => {
    const { byId } = await run(ports(healthy()));
    expect(byId('microphone')).toMatchObject({ status: 'pass', message: { key: 'microphoneHeard', values: { device: 'Micro USB' } }, advice: null, details: { heardAfterMs: 340 } });
    expect(byId('camera')).toMatchObject({
      status: 'pass',
      message: { key: 'cameraFrames', values: { device: 'Caméra intégrée', width: 1280, height: 720, frameRate: 30 } },
      advice: null,
      details: { framesCounted: 30, wantedWidth: 1280, wantedHeight: 720 },
    });
  });

  it('fails a device that cannot be opened, with the cause and advice, and goes on with the network steps', async () => {
    const { statuses, byId, result } = await run(
      ports(healthy(), {
        microphone: { opened: false, failure: 'not_found', error: 'NotFoundError: Requested device not found' },
        camera: { opened: false, failure: 'permission_denied', error: 'NotAllowedError: Permission denied' },
      }),
    );
    expect(statuses).toEqual({ microphone: 'fail', camera: 'fail', backend: 'pass', signalling: 'pass', ice: 'pass', media: 'pass', bandwidth: 'pass', reconnect: 'pass' });
    expect(result.outcome).toBe('fail');
    expect(byId('microphone')).toMatchObject({ message: { key: 'microphoneMissing' }, advice: { key: 'microphoneMissing' }, details: { failure: 'not_found' } });
    expect(byId('camera')).toMatchObject({ message: { key: 'cameraDenied' }, advice: { key: 'cameraDenied' }, details: { failure: 'permission_denied' } });
  });

  it('warns on a silent microphone and a camera below the chosen resolution, and fails a camera that sends nothing', async () => {
    const { byId } = await run(
      ports(healthy(), {
        microphone: { opened: true, device: 'Micro', peakLevel: 0.0004, heardAfterMs: null },
        camera: { ...workingCamera, size: { width: 640, height: 480 } },
      }),
    );
    expect(byId('microphone')).toMatchObject({ status: 'warn', message: { key: 'microphoneSilent' }, advice: { key: 'microphoneSilent' }, details: { peakLevel: 0 } });
    expect(byId('camera')).toMatchObject({ status: 'warn', message: { key: 'cameraLowResolution', values: { width: 640, height: 480, wantedWidth: 1280, wantedHeight: 720 } } });
    const dark = await run(ports(healthy(), { camera: { ...workingCamera, frames: 0, size: null, frameRate: null } }));
    expect(dark.byId('camera')).toMatchObject({ status: 'fail', message: { key: 'cameraNoFrames' }, advice: { key: 'cameraNoFrames' } });
  });

  it('passes the reconnection when the signalling resumes, and fails it, with advice, when it does not', async () => {
    const resumed = await run(ports(healthy()));
    expect(resumed.byId('reconnect')).toMatchObject({ status: 'pass', message: { key: 'reconnectResumed', values: { milliseconds: 180 } }, details: { attempted: true, reconnected: true } });
    const lost = healthy();
    lost.resumeSignalling = vi.fn(async () => ({ attempted: true, reconnected: false, durationMs: null }));
    const failed = await run(ports(lost));
    expect(failed.statuses).toMatchObject({ media: 'pass', reconnect: 'fail' });
    expect(failed.result.outcome).toBe('fail');
    expect(failed.byId('reconnect')).toMatchObject({ message: { key: 'reconnectFailed' }, advice: { key: 'reconnectFailed' } });
    expect(lost.close).toHaveBeenCalledTimes(1);
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
