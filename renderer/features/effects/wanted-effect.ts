// The effect the camera should have now: the remembered choice, with the user's own picture only
// while the instance offers it and one is kept on this computer.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { EffectRendering } from '../background-blur/effect-rendering';
import { useDevicePreferences } from '../devices/device-preferences';
import { effectId } from './background-effect';
import { renderingOf } from './effect-rendering';
import { ownBackgroundRules, useOwnBackground } from './own-background';
import { configQuery, knownMeetConfig } from '../../platform/backend-queries';

export function currentEffectRendering(): EffectRendering | null {
  const ownImage = ownBackgroundRules(knownMeetConfig()) ? useOwnBackground.getState().image : null;
  return renderingOf(useDevicePreferences.getState().backgroundEffect, ownImage);
}

/** The same, for components: a new object only when the effect itself changes. */
export function useEffectRendering(): EffectRendering | null {
  const effect = useDevicePreferences((state) => state.backgroundEffect);
  const offered = ownBackgroundRules(useQuery(configQuery()).data ?? null) !== null;
  const ownImage = useOwnBackground((state) => (offered ? state.image : null));
  const id = effectId(effect);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the effect is compared by its id
  return useMemo(() => renderingOf(effect, ownImage), [id, ownImage]);
}
