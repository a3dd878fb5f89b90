import { LEAVE_HOLD_MS, RECONNECT_GRACE_MS } from '../renderer/features/call/presence-grace';

/** Past this, after a recovery, every departure held in case the person came back has been announced. */
export const PRESENCE_SETTLED_MS = Math.max(LEAVE_HOLD_MS, RECONNECT_GRACE_MS) + 3_000;
