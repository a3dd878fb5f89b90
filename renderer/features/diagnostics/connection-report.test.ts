import { describe, expect, it } from 'vitest';
import { connectionTestReportSchema } from '../../../common/connection-test-report';
import { buildConnectionReport } from './connection-report';
import { initialSteps, type ConnectionTestRun, type StepMessage } from './connection-test';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl';
const startedAt = Date.parse('2026-12-02T09:30:00.000Z');

function finishedRun(changes: Partial<ConnectionTestRun> = {}): ConnectionTestRun {
  const steps = initialSteps().map((step, index) => ({
    ...step,
    status: 'pass' as const,
    durationMs: 100 * (index + 1),
    message: { key: `${step.id}Done`, values: { milliseconds: 12 } },
    details: { index },
  }));
  return {
    steps,
    outcome: 'pass',
    startedAt,
    finishedAt: startedAt + 6_400,
    livekitUrl: 'wss://livekit.example.gouv.fr',
    selectedPair: { local: { type: 'srflx', protocol: 'udp', relayProtocol: null }, remote: { type: 'host', protocol: 'udp', relayProtocol: null } },
    ...changes,
  };
}

const describeMessage = (message: StepMessage) => `${message.key} (${JSON.stringify(message.values ?? {})})`;
const app = { version: '0.1.0', kind: 'electron' as const, os: 'linux', apiBaseUrl: 'https://visio.example.gouv.fr/api/v1.0/' };

describe('the connection report', () => {
  it('holds the app, the instance, the date, every step with its time and sentence, and the route', () => {
    const report = buildConnectionReport({ run: finishedRun(), app, language: 'fr', describe: describeMessage });
    expect(connectionTestReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      format: 'visio-connection-test/1',
      app: { version: '0.1.0', kind: 'electron', os: 'linux', language: 'fr' },
      instance: { apiBaseUrl: 'https://visio.example.gouv.fr/api/v1.0/', livekitUrl: 'wss://livekit.example.gouv.fr' },
      startedAt: '2026-12-02T09:30:00.000Z',
      finishedAt: '2026-12-02T09:30:06.400Z',
      durationMs: 6400,
      outcome: 'pass',
      selectedCandidatePair: { local: { type: 'srflx', protocol: 'udp' }, remote: { type: 'host' } },
    });
    expect(report.steps.map((step) => [step.id, step.status, step.durationMs])).toEqual([
      ['backend', 'pass', 100],
      ['signalling', 'pass', 200],
      ['ice', 'pass', 300],
      ['media', 'pass', 400],
      ['bandwidth', 'pass', 500],
    ]);
    expect(report.steps[0]?.summary).toBe('backendDone ({"milliseconds":12})');
    expect(report.steps[0]?.details).toEqual({ index: 0 });
  });

  it('reports steps that never ran as skipped', () => {
    const run = finishedRun();
    run.steps[4] = { ...initialSteps()[4]!, status: 'running' };
    run.steps[3] = initialSteps()[3]!;
    const report = buildConnectionReport({ run, app, language: 'en', describe: describeMessage });
    expect(report.steps.slice(3).map((step) => [step.status, step.summary])).toEqual([
      ['skipped', ''],
      ['skipped', ''],
    ]);
  });

  it('never holds a token, even when an error text or a URL quotes one', () => {
    const run = finishedRun({ livekitUrl: `wss://livekit.example.gouv.fr/?access_token=${TOKEN}` });
    run.steps[1] = { ...run.steps[1]!, status: 'fail', details: { error: `Error: refused ${TOKEN}` }, message: { key: 'signallingFailed' } };
    const report = buildConnectionReport({ run, app, language: 'fr', describe: () => `Le serveur a dit ${TOKEN}` });
    const text = JSON.stringify(report);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('access_token');
    expect(connectionTestReportSchema.safeParse(report).success).toBe(true);
  });

  it('records a test the instance turned off as such', () => {
    const steps = initialSteps().map((step, index) =>
      index === 0 ? { ...step, status: 'pass' as const, durationMs: 30, message: { key: 'backendReachable' } } : { ...step, status: 'skipped' as const, message: { key: 'skippedDisabled' } },
    );
    const report = buildConnectionReport({ run: finishedRun({ steps, outcome: 'disabled', livekitUrl: null, selectedPair: null }), app, language: 'nl', describe: (message) => message.key });
    expect(report.outcome).toBe('disabled');
    expect(report.instance.livekitUrl).toBeNull();
    expect(report.steps.map((step) => step.status)).toEqual(['pass', 'skipped', 'skipped', 'skipped', 'skipped']);
  });
});
