// The connection test, step by step: the chosen microphone is heard and the chosen camera sends
// frames (device-checks.ts), then the backend answers and hands out a test room, LiveKit's
// signalling accepts us, ICE finds a route for media (direct UDP, TCP, or a relay), a test track
// really leaves, a rough figure of the round trip and bandwidth, and the signalling connection
// is cut and must be resumed, as a call does after a network hiccup. Each step ends pass, warn
// (works, but calls will suffer), fail, or skipped (an earlier one it depends on failed); a step
// that needs IT support's attention says what they can check. The test reaches only the backend
// and the LiveKit server the backend names, through the ports below.
import {
  CONNECTION_TEST_STEP_IDS,
  type CandidateDescription,
  type ConnectionTestOutcome,
  type ConnectionTestStepId,
  type FinishedStepStatus,
} from '../../../common/connection-test-report';
import type { AppError, Result } from '../../../common/ipc-contract';
import type { ConnectionTestGrant, MeetConfig } from '../../../common/meet-types';
import {
  CAMERA_COUNT_WINDOW_MS,
  CAMERA_FIRST_FRAME_MS,
  cameraResult,
  MICROPHONE_HEARD_LEVEL,
  MICROPHONE_LISTEN_MS,
  microphoneResult,
  type CameraCheck,
  type MicrophoneCheck,
} from './device-checks';
import { routeOf, sendRateKbps, type TransportSample } from './transport-stats';

export type StepStatus = 'pending' | 'running' | FinishedStepStatus;
export type DetailValue = string | number | boolean | null;

/** A sentence of `diagnostics.messages`, with its values. */
export interface StepMessage {
  key: string;
  values?: Record<string, string | number>;
}

export interface StepState {
  id: ConnectionTestStepId;
  status: StepStatus;
  durationMs: number | null;
  message: StepMessage | null;
  /** What IT support can check, a sentence of `diagnostics.advice`; null when nothing is to be done. */
  advice: StepMessage | null;
  details: Record<string, DetailValue>;
}

/** How the signalling connection fared when it was cut on purpose. */
export interface ReconnectCheck {
  /** livekit-client set about reconnecting. */
  attempted: boolean;
  /** The room was connected again within the time given. */
  reconnected: boolean;
  /** From the cut to the room connected again; null when it was not. */
  durationMs: number | null;
}

/** A LiveKit room joined with the test grant. */
export interface ConnectedProbe {
  serverVersion: string | null;
  /** Publishes a synthetic video track (no camera needed). */
  publishTestTrack(): Promise<void>;
  /** The test track's sender statistics; an empty sample before it is published. */
  sample(): Promise<TransportSample>;
  /** Cuts the signalling connection as a network hiccup would, and waits (at most `timeoutMs`) for the room to be connected again. */
  resumeSignalling(timeoutMs: number): Promise<ReconnectCheck>;
  close(): Promise<void>;
}

export interface ConnectionTestPorts {
  loadConfig(): Promise<Result<MeetConfig>>;
  requestGrant(): Promise<Result<ConnectionTestGrant>>;
  /** Joins the test room; rejects when the server cannot be reached or refuses. */
  connect(url: string, token: string): Promise<ConnectedProbe>;
  /** Opens the chosen microphone and listens until the level reaches `heardLevel`, or `timeoutMs` has passed. */
  listenToMicrophone(options: { timeoutMs: number; heardLevel: number }, signal: AbortSignal): Promise<MicrophoneCheck>;
  /** Opens the chosen camera at the chosen resolution and counts the frames that arrive. */
  watchCamera(options: { firstFrameTimeoutMs: number; countWindowMs: number }, signal: AbortSignal): Promise<CameraCheck>;
}

export interface Clock {
  now(): number;
  /** Resolves after `milliseconds`, or at once when the signal aborts. */
  sleep(milliseconds: number, signal: AbortSignal): Promise<void>;
}

export interface ConnectionTestRun {
  steps: StepState[];
  outcome: ConnectionTestOutcome;
  startedAt: number;
  finishedAt: number;
  livekitUrl: string | null;
  selectedPair: { local: CandidateDescription; remote: CandidateDescription } | null;
}

// Generous: the machine may be slow or the network poor; each wait ends as soon as its condition
// holds, so only a failing step takes this long.
export const CONNECT_TIMEOUT_MS = 30_000;
export const ROUTE_TIMEOUT_MS = 30_000;
export const MEDIA_TIMEOUT_MS = 30_000;
/** A resume takes well under a second on a sound network; livekit-client gives up by itself before this. */
export const RECONNECT_TIMEOUT_MS = 20_000;
/** The window over which the send rate is measured. */
export const MEASURE_WINDOW_MS = 2_000;
const POLL_INTERVAL_MS = 250;

/** Beyond these, calls lag or lose quality: the step warns. */
export const SLOW_ROUND_TRIP_MS = 300;
export const LOW_BANDWIDTH_KBPS = 150;

export function initialSteps(): StepState[] {
  return CONNECTION_TEST_STEP_IDS.map((id) => ({ id, status: 'pending', durationMs: null, message: null, advice: null, details: {} }));
}

export class ConnectionTestAborted extends Error {
  constructor() {
    super('connection test aborted');
    this.name = 'ConnectionTestAborted';
  }
}

/** The first part of an error message, for the report: no URL query (a token could be in one). */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.replace(/\?[^\s"']*/g, '?…').slice(0, 300);
}

function appErrorDetails(error: AppError): Record<string, DetailValue> {
  return { errorCode: error.code, httpStatus: error.status ?? null };
}

export function outcomeOf(steps: readonly StepState[], disabled: boolean): ConnectionTestOutcome {
  if (disabled) return 'disabled';
  if (steps.some((step) => step.status === 'fail')) return 'fail';
  if (steps.some((step) => step.status === 'warn')) return 'warn';
  return 'pass';
}

export interface StepResult {
  status: FinishedStepStatus;
  message: StepMessage;
  advice?: StepMessage;
  details?: Record<string, DetailValue>;
}

/**
 * Runs the test once. `onChange` gets a fresh copy of the steps on every change; the returned
 * run is the final state. An aborted run rejects with ConnectionTestAborted, its room closed.
 */
export async function runConnectionTest(options: {
  ports: ConnectionTestPorts;
  clock: Clock;
  signal: AbortSignal;
  onChange(steps: StepState[]): void;
}): Promise<ConnectionTestRun> {
  const { ports, clock, signal, onChange } = options;
  const steps = initialSteps();
  const startedAt = clock.now();
  let probe: ConnectedProbe | null = null;
  let disabled = false;
  let livekitUrl: string | null = null;
  let selectedPair: ConnectionTestRun['selectedPair'] = null;

  const publish = () => onChange(steps.map((step) => ({ ...step, details: { ...step.details } })));
  const checkAborted = () => {
    if (signal.aborted) throw new ConnectionTestAborted();
  };
  const skipRest = (message: StepMessage) => {
    for (const step of steps) if (step.status === 'pending') Object.assign(step, { status: 'skipped', message });
  };

  async function step(id: ConnectionTestStepId, body: () => Promise<StepResult>): Promise<StepResult> {
    checkAborted();
    const state = steps.find((candidate) => candidate.id === id)!;
    const began = clock.now();
    Object.assign(state, { status: 'running' });
    publish();
    let result: StepResult;
    try {
      result = await body();
    } catch (error) {
      checkAborted();
      throw error;
    }
    checkAborted();
    Object.assign(state, {
      status: result.status,
      message: result.message,
      advice: result.advice ?? null,
      details: result.details ?? {},
      durationMs: Math.round(clock.now() - began),
    });
    publish();
    return result;
  }

  /** Samples until `accept` takes one, or null after `timeoutMs`. */
  async function sampleUntil(connected: ConnectedProbe, timeoutMs: number, accept: (sample: TransportSample) => boolean) {
    const deadline = clock.now() + timeoutMs;
    for (;;) {
      const sample = await connected.sample();
      checkAborted();
      if (accept(sample)) return sample;
      if (clock.now() >= deadline) return null;
      await clock.sleep(POLL_INTERVAL_MS, signal);
      checkAborted();
    }
  }

  try {
    // The devices first: they need no network, and a failing one does not stop the rest.
    await step('microphone', async () => microphoneResult(await ports.listenToMicrophone({ timeoutMs: MICROPHONE_LISTEN_MS, heardLevel: MICROPHONE_HEARD_LEVEL }, signal)));
    await step('camera', async () => cameraResult(await ports.watchCamera({ firstFrameTimeoutMs: CAMERA_FIRST_FRAME_MS, countWindowMs: CAMERA_COUNT_WINDOW_MS }, signal)));

    let grant: ConnectionTestGrant | null = null;
    const backend = await step('backend', async (): Promise<StepResult> => {
      const configStarted = clock.now();
      const config = await ports.loadConfig();
      const configMs = Math.round(clock.now() - configStarted);
      if (!config.ok) return { status: 'fail', message: { key: 'backendUnreachable' }, advice: { key: 'backendUnreachable' }, details: appErrorDetails(config.error) };
      if (config.value.diagnostics?.connection_test_enabled === false) {
        disabled = true;
        return { status: 'pass', message: { key: 'backendReachable', values: { milliseconds: configMs } }, details: { configMs, connectionTestEnabled: false } };
      }
      const grantStarted = clock.now();
      const answer = await ports.requestGrant();
      const grantMs = Math.round(clock.now() - grantStarted);
      if (!answer.ok) {
        // 404: the instance turned the test off (`CONNECTION_TEST_ENABLED=False`); the backend answered.
        if (answer.error.code === 'not_found') {
          disabled = true;
          return { status: 'pass', message: { key: 'backendReachable', values: { milliseconds: configMs } }, details: { configMs, connectionTestEnabled: false } };
        }
        return { status: 'fail', message: { key: 'grantRefused' }, advice: { key: 'grantRefused' }, details: { configMs, ...appErrorDetails(answer.error) } };
      }
      grant = answer.value;
      livekitUrl = withoutQuery(grant.livekit.url);
      return {
        status: 'pass',
        message: { key: 'backendReachable', values: { milliseconds: configMs } },
        details: { configMs, grantMs, livekitUrl, testRoomLifetimeSeconds: grant.livekit.expires_in ?? null },
      };
    });
    if (disabled) {
      skipRest({ key: 'skippedDisabled' });
      publish();
      return finish();
    }
    if (backend.status === 'fail' || !grant) return finishAfterFailure();
    const { url, token } = (grant as ConnectionTestGrant).livekit;

    const signalling = await step('signalling', async (): Promise<StepResult> => {
      try {
        probe = await ports.connect(url, token);
      } catch (error) {
        checkAborted();
        return { status: 'fail', message: { key: 'signallingFailed' }, advice: { key: 'signallingFailed' }, details: { error: errorText(error) } };
      }
      checkAborted();
      return { status: 'pass', message: { key: 'signallingConnected' }, details: { serverVersion: probe.serverVersion } };
    });
    if (signalling.status === 'fail' || !probe) return finishAfterFailure();
    const connected: ConnectedProbe = probe;

    const route = await step('ice', async (): Promise<StepResult> => {
      try {
        await connected.publishTestTrack();
      } catch (error) {
        checkAborted();
        return { status: 'fail', message: { key: 'publishFailed' }, advice: { key: 'publishFailed' }, details: { error: errorText(error) } };
      }
      const sample = await sampleUntil(connected, ROUTE_TIMEOUT_MS, (candidate) => candidate.selectedPair !== null);
      const pair = sample?.selectedPair;
      if (!pair) return { status: 'fail', message: { key: 'routeNotFound' }, advice: { key: 'routeNotFound' } };
      selectedPair = { local: pair.local, remote: pair.remote };
      const kind = routeOf(pair);
      const details = {
        route: kind,
        localCandidateType: pair.local.type,
        localProtocol: pair.local.protocol,
        relayProtocol: pair.local.relayProtocol,
        remoteCandidateType: pair.remote.type,
        remoteProtocol: pair.remote.protocol,
      };
      if (kind === 'relay') {
        const transport = pair.local.relayProtocol ?? pair.local.protocol ?? 'udp';
        return { status: 'warn', message: { key: 'routeRelay', values: { transport: transport.toUpperCase() } }, advice: { key: 'routeRelay' }, details };
      }
      if (kind === 'tcp') return { status: 'warn', message: { key: 'routeTcp' }, advice: { key: 'routeTcp' }, details };
      return { status: 'pass', message: { key: 'routeUdp' }, details };
    });
    if (route.status === 'fail') return finishAfterFailure();

    let flowing: TransportSample | null = null;
    const media = await step('media', async (): Promise<StepResult> => {
      const first = await sampleUntil(connected, MEDIA_TIMEOUT_MS, (sample) => sample.packetsSent > 0);
      // Sent once is not flowing: a later sample must show more.
      flowing = first && (await sampleUntil(connected, MEDIA_TIMEOUT_MS, (sample) => sample.bytesSent > first.bytesSent));
      if (!flowing) return { status: 'fail', message: { key: 'mediaNotSent' }, advice: { key: 'mediaNotSent' }, details: { packetsSent: first?.packetsSent ?? 0 } };
      const acknowledged = flowing.serverReport !== null;
      return {
        status: 'pass',
        message: { key: acknowledged ? 'mediaAcknowledged' : 'mediaSent' },
        details: { packetsSent: flowing.packetsSent, bytesSent: flowing.bytesSent, serverAcknowledged: acknowledged, packetsLost: flowing.serverReport?.packetsLost ?? null },
      };
    });
    if (media.status === 'fail' || !flowing) return finishAfterFailure();
    const measureFrom: TransportSample = flowing;

    await step('bandwidth', async (): Promise<StepResult> => {
      await clock.sleep(MEASURE_WINDOW_MS, signal);
      checkAborted();
      const later = await connected.sample();
      const pair = later.selectedPair;
      const roundTripMs = pair?.roundTripMs ?? later.serverReport?.roundTripMs ?? null;
      const availableKbps = pair?.availableOutgoingKbps ?? null;
      const sentKbps = sendRateKbps(measureFrom, later);
      const details = { roundTripMs, availableOutgoingKbps: availableKbps, sentKbps };
      if (roundTripMs === null && availableKbps === null) return { status: 'warn', message: { key: 'bandwidthUnknown' }, details };
      const values = { roundTrip: roundTripMs ?? '?', bandwidth: availableKbps ?? sentKbps ?? '?' };
      const slow = (roundTripMs !== null && roundTripMs > SLOW_ROUND_TRIP_MS) || (availableKbps !== null && availableKbps < LOW_BANDWIDTH_KBPS);
      return { status: slow ? 'warn' : 'pass', message: { key: slow ? 'bandwidthLow' : 'bandwidthGood', values }, ...(slow ? { advice: { key: 'bandwidthLow' } } : {}), details };
    });

    // Last: a failed resume may leave the test room unusable.
    await step('reconnect', async (): Promise<StepResult> => {
      const check = await connected.resumeSignalling(RECONNECT_TIMEOUT_MS);
      checkAborted();
      const details = { attempted: check.attempted, reconnected: check.reconnected, reconnectMs: check.durationMs };
      if (check.reconnected) return { status: 'pass', message: { key: 'reconnectResumed', values: { milliseconds: check.durationMs ?? '?' } }, details };
      const key = check.attempted ? 'reconnectFailed' : 'reconnectNotAttempted';
      return { status: 'fail', message: { key }, advice: { key: 'reconnectFailed' }, details };
    });
    return finish();
  } finally {
    await (probe as ConnectedProbe | null)?.close().catch(() => undefined);
  }

  function finishAfterFailure(): ConnectionTestRun {
    skipRest({ key: 'skippedAfterFailure' });
    publish();
    return finish();
  }

  function finish(): ConnectionTestRun {
    return { steps: steps.map((step) => ({ ...step })), outcome: outcomeOf(steps, disabled), startedAt, finishedAt: clock.now(), livekitUrl, selectedPair };
  }
}

function withoutQuery(url: string): string {
  const at = url.search(/[?#]/);
  return at < 0 ? url : url.slice(0, at);
}
