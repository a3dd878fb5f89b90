import type { LocalVideoTrack } from 'livekit-client';
import { useEffect, useState } from 'react';
import { applyBackgroundBlur, type BlurFailure } from './background-blur';

/**
 * Keeps a camera track blurred while `enabled` (the prejoin preview). A failure is reported
 * through `onFailure` (keep it stable), and the track stays sharp. Returns whether the blur is
 * still starting.
 */
export function useBackgroundBlur(track: LocalVideoTrack | null, enabled: boolean, onFailure: (failure: BlurFailure) => void): boolean {
  const [settled, setSettled] = useState<{ track: LocalVideoTrack | null; enabled: boolean }>({ track: null, enabled: false });

  useEffect(() => {
    if (!track) return;
    let active = true;
    void applyBackgroundBlur(track, enabled).then((failure) => {
      if (!active) return;
      setSettled({ track, enabled });
      if (failure) onFailure(failure);
    });
    return () => {
      active = false;
    };
  }, [track, enabled, onFailure]);

  return track !== null && enabled && (settled.track !== track || !settled.enabled);
}
