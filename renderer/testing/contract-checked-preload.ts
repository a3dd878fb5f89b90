// A stand-in for the preload API in renderer unit tests: every payload must fit the IPC contract
// (a test fails on the first one that does not), and every call is recorded in order.
import { vi } from 'vitest';
import { invokeSchemas, ok, type InvokeChannel, type Result } from '../../common/ipc-contract';

export interface RecordedCall {
  channel: InvokeChannel;
  payload: Record<string, unknown>;
}

/** What the fake main process answers; `ok(null)` when the function gives nothing. */
export type FakeAnswer = (channel: InvokeChannel, payload: Record<string, unknown>) => Result<unknown> | undefined;

/** Installs `window.visio` for this test and returns the list its calls are recorded in. */
export function stubContractCheckedPreload(answer: FakeAnswer = () => undefined): RecordedCall[] {
  const calls: RecordedCall[] = [];
  vi.stubGlobal('window', {
    visio: {
      invoke: (channel: InvokeChannel, payload: Record<string, unknown>) => {
        const checked = invokeSchemas[channel].safeParse(payload);
        if (!checked.success) throw new Error(`payload outside the contract for ${channel}: ${checked.error.message}`);
        calls.push({ channel, payload });
        return Promise.resolve(answer(channel, payload) ?? ok(null));
      },
      on: () => () => undefined,
    },
  });
  return calls;
}
