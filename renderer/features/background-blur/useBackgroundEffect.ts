import type { LocalVideoTrack } from 'livekit-client';
import { useEffect, useState } from 'react';
import { applyBackgroundEffect, type EffectFailure } from './background-blur';
import type { EffectRendering } from './effect-rendering';

/**
 * Keeps a camera track drawn with `rendering` (none when null): the prejoin preview. A failure
 * is reported through `onFailure` (keep it stable), and the track goes on as captured. Returns
 * whether the effect is still starting.
 */
export function useBackgroundEffect(track: LocalVideoTrack | null, rendering: EffectRendering | null, onFailure: (failure: EffectFailure) => void): boolean {
  const [settled, setSettled] = useState<{ track: LocalVideoTrack | null; rendering: EffectRendering | null }>({ track: null, rendering: null });
  useEffect(() => {
    if (!track) return;
    let active = true;
    void applyBackgroundEffect(track, rendering).then((failure) => {
      if (!active) return;
      setSettled({ track, rendering });
      if (failure) onFailure(failure);
    });
    return () => {
      active = false;
    };
  }, [track, rendering, onFailure]);
  return track !== null && rendering !== null && (settled.track !== track || settled.rendering !== rendering);
}
