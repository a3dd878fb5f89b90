// Copying to the clipboard with its outcome: a success is announced for a few seconds, a refused
// clipboard stays said and selects the text in its field so it can be copied by hand.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export type CopyOutcome<Copied extends string> = { copied: Copied } | 'failed' | null;

const OUTCOME_VISIBLE_MS = 4_000;

export function useCopyToClipboard<Copied extends string>(
  fallbackField: RefObject<HTMLInputElement | null>,
): { outcome: CopyOutcome<Copied>; copy: (text: string, copied: Copied) => Promise<void> } {
  const [outcome, setOutcome] = useState<CopyOutcome<Copied>>(null);
  const attempt = useRef(0);

  useEffect(() => {
    if (!outcome || outcome === 'failed') return;
    const timer = window.setTimeout(() => setOutcome(null), OUTCOME_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [outcome]);

  const copy = useCallback(
    async (text: string, copied: Copied) => {
      const current = ++attempt.current;
      setOutcome(null);
      try {
        if (!navigator.clipboard?.writeText) throw new Error('clipboard unavailable');
        await navigator.clipboard.writeText(text);
        if (current === attempt.current) setOutcome({ copied });
      } catch {
        if (current !== attempt.current) return;
        setOutcome('failed');
        fallbackField.current?.focus();
        fallbackField.current?.select();
      }
    },
    [fallbackField],
  );

  return { outcome, copy };
}
