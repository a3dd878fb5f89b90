import { BLUR_RADIUS, LIGHT_BLUR_RADIUS } from '../background-blur/blur-strength';
import type { EffectRendering } from '../background-blur/effect-rendering';
import type { BackgroundEffect } from './background-effect';
import { bundledBackgroundUrls } from './bundled-backgrounds';

/**
 * What the camera processor draws for the user's choice; null for no effect, and for the user's
 * own picture when none is kept on this computer (or the instance no longer offers it).
 */
export function renderingOf(effect: BackgroundEffect, ownImage: string | null): EffectRendering | null {
  switch (effect.kind) {
    case 'none':
      return null;
    case 'blur':
      return { mode: 'blur', radius: effect.strength === 'light' ? LIGHT_BLUR_RADIUS : BLUR_RADIUS };
    case 'image':
      return { mode: 'image', imageUrl: bundledBackgroundUrls[effect.image] };
    case 'own-image':
      return ownImage ? { mode: 'image', imageUrl: ownImage } : null;
  }
}
