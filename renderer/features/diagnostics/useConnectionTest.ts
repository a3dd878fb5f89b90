// Runs the connection test for a component: the steps as they change, the finished run, and a
// stop when the component goes (closing the dialog closes the test room too).
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ConnectionTestAborted,
  initialSteps,
  outcomeOf,
  runConnectionTest,
  type ConnectionTestRun,
  type StepState,
} from './connection-test';
import { livekitConnectionTestPorts, realClock } from './livekit-probe';

export type ConnectionTestPhase = 'idle' | 'running' | 'finished';

export function useConnectionTest() {
  const [phase, setPhase] = useState<ConnectionTestPhase>('idle');
  const [steps, setSteps] = useState<StepState[]>(initialSteps);
  const [run, setRun] = useState<ConnectionTestRun | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async () => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    const startedAt = realClock.now();
    let latest = initialSteps();
    setSteps(latest);
    setRun(null);
    setPhase('running');
    let finished: ConnectionTestRun;
    try {
      finished = await runConnectionTest({
        ports: livekitConnectionTestPorts,
        clock: realClock,
        signal: current.signal,
        onChange: (changed) => {
          latest = changed;
          if (!current.signal.aborted) setSteps(changed);
        },
      });
    } catch (error) {
      if (error instanceof ConnectionTestAborted || current.signal.aborted) return;
      // A fault of the test itself still ends in a result the user can read and save.
      const steps = latest.map((step): StepState =>
        step.status === 'running'
          ? { ...step, status: 'fail', message: { key: 'unexpectedError' }, details: { error: error instanceof Error ? error.name : 'unknown' } }
          : step.status === 'pending'
            ? { ...step, status: 'skipped', message: { key: 'skippedAfterFailure' } }
            : step,
      );
      finished = { steps, outcome: outcomeOf(steps, false), startedAt, finishedAt: realClock.now(), livekitUrl: null, selectedPair: null };
    }
    if (current.signal.aborted) return;
    setSteps(finished.steps);
    setRun(finished);
    setPhase('finished');
  }, []);

  return { phase, steps, run, start };
}
