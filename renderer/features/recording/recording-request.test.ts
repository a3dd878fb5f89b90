import { beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../common/ipc-contract';
import { useRecordingRequestStore } from './recording-request';

function deferred() {
  let resolve!: (result: Result<null>) => void;
  const promise = new Promise<Result<null>>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

beforeEach(() => useRecordingRequestStore.setState({ pending: null, error: null }));

describe('a recording request', () => {
  it('is pending at once, and ends with the server’s reason', async () => {
    const answer = deferred();
    const failures: unknown[] = [];
    const done = useRecordingRequestStore.getState().run('screen_recording', () => answer.promise, (error) => failures.push(error));
    expect(useRecordingRequestStore.getState().pending).toBe('screen_recording');
    const refusal = { code: 'unavailable' as const, status: 502, serverMessage: 'Recording failed to start for room abc', reason: 'recording_failed_to_start' };
    answer.resolve({ ok: false, error: refusal });
    await done;
    expect(useRecordingRequestStore.getState()).toMatchObject({ pending: null, error: refusal });
    expect(failures).toEqual([refusal]);
  });

  it('sends nothing more while one is pending (the server would answer 409)', async () => {
    const answer = deferred();
    let sent = 0;
    const first = useRecordingRequestStore.getState().run('transcript', () => {
      sent += 1;
      return answer.promise;
    });
    await useRecordingRequestStore.getState().run('screen_recording', () => {
      sent += 1;
      return Promise.resolve({ ok: true, value: null });
    });
    answer.resolve({ ok: true, value: null });
    await first;
    expect(sent).toBe(1);
    expect(useRecordingRequestStore.getState()).toMatchObject({ pending: null, error: null });
  });

  it('never stays pending when the request throws', async () => {
    await useRecordingRequestStore.getState().run('stop', () => Promise.reject(new Error('gone')));
    expect(useRecordingRequestStore.getState()).toMatchObject({ pending: null, error: { code: 'network' } });
  });
});
