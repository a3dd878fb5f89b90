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
const adviseMessage = (message: StepMessage) => `advice: ${message.key}`;
const app = { version: '0.1.0', kind: 'electron' as const, os: 'linux', apiBaseUrl: 'https://visio.example.gouv.fr/api/v1.0/' };

describe('the connection report', () => {
  it('holds the app, the instance, the date, every step with its time, sentence and advice, and the route', () => {
    const run = finishedRun();
    run.steps[7] = { ...run.steps[7]!, status: 'fail', message: { key: 'reconnectFailed' }, advice: { key: 'reconnectFailed' } };
    const report = buildConnectionReport({ run, app, language: 'fr', describe: describeMessage, advise: adviseMessage });
    expect(connectionTestReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      format: 'visio-connection-test/2',
      app: { version: '0.1.0', kind: 'electron', os: 'linux', language: 'fr' },
      instance: { apiBaseUrl: 'https://visio.example.gouv.fr/api/v1.0/', livekitUrl: 'wss://livekit.example.gouv.fr' },
      startedAt: '2026-12-02T09:30:00.000Z',
      finishedAt: '2026-12-02T09:30:06.400Z',
      durationMs: 6400,
      selectedCandidatePair: { local: { type: 'srflx', protocol: 'udp' }, remote: { type: 'host' } },
    });
    expect(report.steps.map((step) => [step.id, step.status, step.durationMs])).toEqual([
      ['microphone', 'pass', 100],
      ['camera', 'pass', 200],
      ['backend', 'pass', 300],
      ['signalling', 'pass', 400],
      ['ice', 'pass', 500],
      ['media', 'pass', 600],
      ['bandwidth', 'pass', 700],
      ['reconnect', 'fail', 800],
    ]);
    expect(report.steps[2]).toMatchObject({ summary: 'backendDone ({"milliseconds":12})', advice: null, details: { index: 2 } });
    expect(report.steps[7]).toMatchObject({ summary: 'reconnectFailed ({})', advice: 'advice: reconnectFailed' });
  });

  it('reports steps that never ran as skipped', () => {
    const run = finishedRun();
    run.steps[7] = { ...initialSteps()[7]!, status: 'running' };
    run.steps[6] = initialSteps()[6]!;
    const report = buildConnectionReport({ run, app, language: 'en', describe: describeMessage, advise: adviseMessage });
    expect(report.steps.slice(6).map((step) => [step.status, step.summary])).toEqual([
      ['skipped', ''],
      ['skipped', ''],
    ]);
  });

  it('never holds a token, even when an error text or a URL quotes one', () => {
    const run = finishedRun({ livekitUrl: `wss://livekit.example.gouv.fr/?access_token=${TOKEN}` });
    run.steps[3] = { ...run.steps[3]!, status: 'fail', details: { error: `Error: refused ${TOKEN}` }, message: { key: 'signallingFailed' }, advice: { key: 'signallingFailed' } };
    const report = buildConnectionReport({ run, app, language: 'fr', describe: () => `Le serveur a dit ${TOKEN}`, advise: () => `Voir ${TOKEN}` });
    const text = JSON.stringify(report);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('access_token');
    expect(connectionTestReportSchema.safeParse(report).success).toBe(true);
  });

  it('records a test the instance turned off as such', () => {
    const steps = initialSteps().map((step, index) =>
      index < 3 ? { ...step, status: 'pass' as const, durationMs: 30, message: { key: `${step.id}Done` } } : { ...step, status: 'skipped' as const, message: { key: 'skippedDisabled' } },
    );
    const report = buildConnectionReport({ run: finishedRun({ steps, outcome: 'disabled', livekitUrl: null, selectedPair: null }), app, language: 'nl', describe: (message) => message.key, advise: (message) => message.key });
    expect(report.outcome).toBe('disabled');
    expect(report.instance.livekitUrl).toBeNull();
    expect(report.steps.map((step) => step.status)).toEqual(['pass', 'pass', 'pass', 'skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
  });
});
