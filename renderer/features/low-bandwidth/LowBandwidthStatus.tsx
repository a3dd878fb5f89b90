// Says once that the mode started or ended, and why: a visible line while it is on, read by screen
// readers through its status role. The text changes only on a change of mode, so nothing is
// repeated; the "back to normal" line goes away by itself without being read again.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LowBandwidthCause } from './low-bandwidth-store';

const ENDED_VISIBLE_MS = 8_000;

export type Message = 'enteredManual' | 'enteredAutomatic' | 'leftManual' | 'leftAutomatic';

/** What to say when the mode goes from `before` to `now`; `current` is what is said already. */
export function messageFor(before: LowBandwidthCause, now: LowBandwidthCause, current: Message | null): Message | null {
  // The user turned the switch off but the link still calls for the mode: it stays, and why is new.
  if (before === 'manual' && now === 'automatic') return 'enteredAutomatic';
  // The user turned the switch on while the link had the mode on already: the videos stay as they are.
  if (before && now) return current;
  if (now) return now === 'manual' ? 'enteredManual' : 'enteredAutomatic';
  return before === 'manual' ? 'leftManual' : 'leftAutomatic';
}

export function LowBandwidthStatus({ cause }: { cause: LowBandwidthCause }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<{ cause: LowBandwidthCause; message: Message | null }>({ cause: null, message: null });
  if (shown.cause !== cause) setShown({ cause, message: messageFor(shown.cause, cause, shown.message) });
  const ended = shown.message === 'leftManual' || shown.message === 'leftAutomatic';

  useEffect(() => {
    if (!ended) return;
    const timer = window.setTimeout(() => setShown((current) => ({ ...current, message: null })), ENDED_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [ended]);

  return (
    // aria-live beside the role for the screen readers that heed only the attribute; a new node per
    // message, so each one is read once as a whole.
    <p className={shown.message ? 'low-bandwidth-status' : 'visually-hidden'} role="status" aria-live="polite" data-testid="low-bandwidth-status" data-mode={cause ?? 'off'}>
      {shown.message && <span key={shown.message}>{t(`lowBandwidth.${shown.message}`)}</span>}
    </p>
  );
}
