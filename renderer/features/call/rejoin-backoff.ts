// When to try joining again after the call was lost: at once first (a restarted server or a
// surviving node is usually there already), every half second for the next few seconds (a server
// being restarted refuses the connection at no cost until it is back, and each second waited
// past its return is a second without video), then further and further apart; each wait spread
// at random so a whole room that lost its server does not knock on the next one all at once.
import type { ReconnectPolicy } from 'livekit-client';

const QUICK_RETRY_MS = 500;
/** Attempts after the first made QUICK_RETRY_MS apart: about the first 3 s. */
const QUICK_RETRIES = 6;
const FIRST_RETRY_MS = 1_000;
const MAX_WAIT_MS = 15_000;
/** Past this long without success the call is given up as lost. */
export const REJOIN_GIVE_UP_MS = 120_000;
/** Waits shorter than this are not counted down on screen. */
export const COUNTDOWN_MIN_MS = 1_000;

/**
 * The wait before attempt `attempt` (0 for the first): 0, ~0.5 s six times, then ~1 s, ~2 s,
 * ~4 s… up to ~15 s.
 */
export function rejoinDelayMs(attempt: number, random: () => number = Math.random): number {
  if (attempt <= 0) return 0;
  const base = attempt <= QUICK_RETRIES ? QUICK_RETRY_MS : Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1 - QUICK_RETRIES), MAX_WAIT_MS);
  // Between 75 % and 125 % of the base.
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * Right after a loss, how long a join may go unanswered before it is given up for a fresh one.
 * When the node hosting the room died, LiveKit moves the room only once the dead node's last load
 * report in Redis is 5 s old (3 to 5 s after the death); a join arriving before then is relayed to
 * the dead node and held 3 s, then 6 s more, before the server tries again. Giving it up after
 * 1 s and joining again at once lands a join within a second of the move. A healthy server
 * answers a join in a few round trips; a link too slow for that gets the whole connection timeout
 * once this window has passed.
 */
const QUICK_ANSWER_TIMEOUT_MS = 1_000;
/** Attempts starting this soon after the loss get the short answer timeout; later ones the full one (slow links). */
const QUICK_ANSWER_WINDOW_MS = 5_000;

/**
 * How long the attempt starting `sinceLossMs` after the loss may wait for the server to answer
 * its join; undefined leaves the attempt the whole connection timeout.
 */
export function rejoinAnswerTimeoutMs(sinceLossMs: number): number | undefined {
  return sinceLossMs < QUICK_ANSWER_WINDOW_MS ? QUICK_ANSWER_TIMEOUT_MS : undefined;
}

/** The wait before attempt `attempt`: none after a join given up unanswered (the server was slow, not refusing). */
export function nextRejoinDelayMs(attempt: number, previousUnanswered: boolean, random: () => number = Math.random): number {
  return previousUnanswered ? 0 : rejoinDelayMs(attempt, random);
}

/** A wait that "Rejoindre maintenant" can cut short. */
export class SkippableWait {
  private wake: (() => void) | undefined;

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        if (this.wake === finish) this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wake = finish;
    });
  }

  /** Ends the current wait now; false when nothing was waiting. */
  skip(): boolean {
    const wake = this.wake;
    wake?.();
    return wake !== undefined;
  }
}

/** How long livekit-client keeps resuming or restarting the session itself before the call lifecycle's rejoin takes over. */
const SDK_RETRY_WINDOW_MS = 10_000;

/**
 * livekit-client's own reconnection (resume, then full restart), denser than its default: a dead
 * node's rooms move to another only once its load report is 5 s old, and a retry then should not
 * be seconds away. At once, then ~0.5 s, then about every second.
 */
export const sdkReconnectPolicy: ReconnectPolicy = {
  nextRetryDelayInMs({ retryCount, elapsedMs }) {
    if (elapsedMs > SDK_RETRY_WINDOW_MS) return null;
    if (retryCount === 0) return 0;
    return Math.round(Math.min(250 * 2 ** retryCount, 1_000) * (0.75 + Math.random() * 0.5));
  },
};
