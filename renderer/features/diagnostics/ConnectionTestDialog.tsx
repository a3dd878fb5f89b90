// The connection test in a dialog, reachable from the home page, the prejoin and the settings.
// The steps show one by one with their state in words (not colour alone); a single polite live
// region says once which step runs and how the test ended; focus goes to the steps when the test
// starts (the start button goes away) and to the result when it ends.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionTestOutcome } from '../../../common/connection-test-report';
import { Dialog } from '../../app/Dialog';
import { invoke } from '../../platform/visio';
import { buildConnectionReport } from './connection-report';
import type { StepMessage, StepState, StepStatus } from './connection-test';
import { useConnectionTest } from './useConnectionTest';
import { appInfoQuery } from '../../platform/backend-queries';

const STATUS_SYMBOL: Record<StepStatus, string> = { pending: '○', running: '…', pass: '✓', warn: '!', fail: '✗', skipped: '–' };

type SaveFeedback = 'saved' | 'saveFailed' | null;

export function ConnectionTestDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { phase, steps, run, start } = useConnectionTest();
  const info = useQuery(appInfoQuery()).data ?? null;
  const [saveFeedback, setSaveFeedback] = useState<SaveFeedback>(null);
  const [saving, setSaving] = useState(false);
  const stepsHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const stepsId = useId();
  const resultId = useId();

  const describe = (message: StepMessage) => t(`diagnostics.messages.${message.key}`, message.values ?? {});
  const advise = (message: StepMessage) => t(`diagnostics.advice.${message.key}`, message.values ?? {});
  const outcomeText = (outcome: ConnectionTestOutcome) => t(`diagnostics.outcome.${outcome}`);

  useEffect(() => startButton.current?.focus(), []);
  useEffect(() => {
    if (phase === 'running') stepsHeading.current?.focus();
    if (phase === 'finished') resultHeading.current?.focus();
  }, [phase]);

  const runningIndex = steps.findIndex((step) => step.status === 'running');
  const announcement =
    phase === 'running' && runningIndex >= 0
      ? t('diagnostics.progress', { index: runningIndex + 1, total: steps.length, step: t(`diagnostics.steps.${steps[runningIndex]!.id}`) })
      : phase === 'finished' && run
        ? t('diagnostics.finished', { outcome: outcomeText(run.outcome) })
        : '';

  async function restart() {
    setSaveFeedback(null);
    await start();
  }

  async function saveReport() {
    if (!run) return;
    setSaving(true);
    setSaveFeedback(null);
    const report = buildConnectionReport({
      run,
      app: { version: info?.version ?? __APP_VERSION__, kind: info?.kind ?? 'browser', os: info?.os ?? 'unknown', apiBaseUrl: info?.profile.apiBaseUrl ?? null },
      language: i18n.language,
      describe,
      advise,
    });
    const result = await invoke('diagnostics:save-report', { report });
    setSaving(false);
    if (result.ok) setSaveFeedback('saved');
    else if (result.error.code !== 'cancelled') setSaveFeedback('saveFailed');
  }

  return (
    <Dialog title={t('diagnostics.title')} closeLabel={t('diagnostics.close')} onClose={onClose} className="dialog--wide diagnostics">
      <p>{t('diagnostics.intro')}</p>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="connection-test-announcement">
        {announcement}
      </p>
      {phase === 'idle' && (
        <button ref={startButton} type="button" className="button button--primary" onClick={() => void start()}>
          {t('diagnostics.start')}
        </button>
      )}
      {phase !== 'idle' && (
        <section aria-labelledby={stepsId}>
          <h3 id={stepsId} ref={stepsHeading} tabIndex={-1}>
            {t('diagnostics.stepsHeading')}
          </h3>
          <ol className="diagnostics__steps">
            {steps.map((step) => (
              <StepRow key={step.id} step={step} describe={describe} advise={advise} />
            ))}
          </ol>
        </section>
      )}
      {phase === 'finished' && run && (
        <section aria-labelledby={resultId} className={`diagnostics__result diagnostics__result--${run.outcome}`}>
          <h3 id={resultId} ref={resultHeading} tabIndex={-1}>
            {t('diagnostics.summaryHeading')}
          </h3>
          <p data-testid="connection-test-outcome" data-outcome={run.outcome}>
            {outcomeText(run.outcome)}
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void restart()}>
              {t('diagnostics.restart')}
            </button>
            <button type="button" className="button button--primary" disabled={saving} onClick={() => void saveReport()}>
              {t('diagnostics.saveReport')}
            </button>
          </div>
          <p className="hint">{t('diagnostics.reportHint')}</p>
          <p role="status" className={saveFeedback === 'saveFailed' ? 'field-error' : saveFeedback ? '' : 'visually-hidden'}>
            {saveFeedback ? t(`diagnostics.${saveFeedback}`) : ''}
          </p>
        </section>
      )}
    </Dialog>
  );
}

function StepRow({ step, describe, advise }: { step: StepState; describe(message: StepMessage): string; advise(message: StepMessage): string }) {
  const { t, i18n } = useTranslation();
  return (
    <li className={`diagnostics__step diagnostics__step--${step.status}`} data-testid={`connection-step-${step.id}`} data-status={step.status}>
      <h4>{t(`diagnostics.steps.${step.id}`)}</h4>
      <p className="diagnostics__status">
        <span aria-hidden="true" className="diagnostics__symbol">
          {STATUS_SYMBOL[step.status]}
        </span>{' '}
        {t(`diagnostics.status.${step.status}`)}
        {step.durationMs !== null && step.status !== 'skipped' && (
          <span className="muted"> · {t('diagnostics.duration', { seconds: (step.durationMs / 1000).toLocaleString(i18n.language, { maximumFractionDigits: 1 }) })}</span>
        )}
      </p>
      {step.message && <p className="diagnostics__detail">{describe(step.message)}</p>}
      {step.advice && (
        <p className="diagnostics__advice" data-testid={`connection-advice-${step.id}`}>
          <strong>{t('diagnostics.adviceLabel')}</strong> {advise(step.advice)}
        </p>
      )}
    </li>
  );
}

/** The button that opens the test; the dialog gives the focus back to it when it closes. */
export function ConnectionTestButton({ className = 'button' }: { className?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {t('diagnostics.open')}
      </button>
      {open && <ConnectionTestDialog onClose={() => setOpen(false)} />}
    </>
  );
}
