// Waiting in the tests that drive the real stack: a condition polled until it holds. The limit is
// generous, as the stack shares a busy machine with browsers and other runs; a wait ends as soon
// as its condition holds, so the limit costs nothing when all is well.
export const WAIT_LIMIT_MS = 30_000;

/** A test that waits with `waitFor`, a few times, stays well within this. */
export const WAITING_TEST_TIMEOUT_MS = 4 * WAIT_LIMIT_MS;

/** Polls `probe` until it returns something other than `undefined` or `false`, and returns that. */
export async function waitFor<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = WAIT_LIMIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for a condition`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
