// Turns a finished run into the report the user saves: the app and instance it ran against,
// each step with its time, the sentence shown and the advice to IT support, the route the media took. Built from the run's
// figures only, never from the grant: the LiveKit token is not in any field, and a text that
// quotes one (an error message with a URL) is blanked before it gets in.
import {
  REPORT_FORMAT,
  withoutTokens,
  type ConnectionTestReport,
  type ReportStep,
} from '../../../common/connection-test-report';
import type { AppInfo } from '../../../common/ipc-contract';
import type { ConnectionTestRun, DetailValue, StepMessage } from './connection-test';

const clip = (value: string, max: number) => withoutTokens(value).slice(0, max);

function cleanDetails(details: Record<string, DetailValue>): Record<string, DetailValue> {
  return Object.fromEntries(
    Object.entries(details)
      .slice(0, 24)
      .map(([key, value]) => [key.slice(0, 64), typeof value === 'string' ? clip(value, 500) : value]),
  );
}

export function buildConnectionReport(input: {
  run: ConnectionTestRun;
  app: Pick<AppInfo, 'version' | 'kind' | 'os'> & { apiBaseUrl: string | null };
  language: string;
  /** The sentence a step's message reads as in the user's language. */
  describe(message: StepMessage): string;
  /** The same for a step's advice to IT support. */
  advise(message: StepMessage): string;
}): ConnectionTestReport {
  const { run, app } = input;
  const steps: ReportStep[] = run.steps.map((step) => ({
    id: step.id,
    // A step still pending when the run ended did not run.
    status: step.status === 'pending' || step.status === 'running' ? 'skipped' : step.status,
    durationMs: step.durationMs,
    summary: step.message ? clip(input.describe(step.message), 500) : '',
    advice: step.advice ? clip(input.advise(step.advice), 500) : null,
    details: cleanDetails(step.details),
  }));
  return {
    format: REPORT_FORMAT,
    app: { version: clip(app.version, 64), kind: app.kind, os: clip(app.os, 64), language: input.language.slice(0, 8) },
    instance: {
      apiBaseUrl: app.apiBaseUrl === null ? null : clip(app.apiBaseUrl, 2048),
      livekitUrl: run.livekitUrl === null ? null : clip(run.livekitUrl, 2048),
    },
    startedAt: new Date(run.startedAt).toISOString(),
    finishedAt: new Date(run.finishedAt).toISOString(),
    durationMs: Math.max(0, Math.round(run.finishedAt - run.startedAt)),
    outcome: run.outcome,
    steps,
    selectedCandidatePair: run.selectedPair,
  };
}
