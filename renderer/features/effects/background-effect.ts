// What the user chose to do with the camera's background, as LaSuite Meet's effects panel offers
// it: nothing, a light or a strong blur, one of the bundled pictures, or the user's own picture
// (kept on this computer, see own-background.ts). The choice is remembered with the other
// prejoin preferences; a stored value that is not one of these reads as no effect.
import { z } from 'zod';
import { BUNDLED_BACKGROUND_IDS } from './bundled-background-ids';

export const BLUR_STRENGTHS = ['light', 'strong'] as const;
export type BlurStrength = (typeof BLUR_STRENGTHS)[number];

export const backgroundEffectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('blur'), strength: z.enum(BLUR_STRENGTHS) }).strict(),
  z.object({ kind: z.literal('image'), image: z.enum(BUNDLED_BACKGROUND_IDS) }).strict(),
  z.object({ kind: z.literal('own-image') }).strict(),
]);
export type BackgroundEffect = z.infer<typeof backgroundEffectSchema>;

export const NO_EFFECT: BackgroundEffect = { kind: 'none' };

/**
 * The stored choice; `legacyBlur` is the on/off blur switch of earlier versions, which reads as
 * the strong blur (the only one they had) when no choice is stored.
 */
export function parseBackgroundEffect(stored: unknown, legacyBlur: unknown = undefined): BackgroundEffect {
  const parsed = backgroundEffectSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  return legacyBlur === true ? { kind: 'blur', strength: 'strong' } : NO_EFFECT;
}

export const isEffectOn = (effect: BackgroundEffect): boolean => effect.kind !== 'none';

/** One word per choice, for comparisons and element ids. */
export function effectId(effect: BackgroundEffect): string {
  switch (effect.kind) {
    case 'none':
      return 'none';
    case 'blur':
      return `blur-${effect.strength}`;
    case 'image':
      return `image-${effect.image}`;
    case 'own-image':
      return 'own-image';
  }
}

export const sameEffect = (first: BackgroundEffect, second: BackgroundEffect): boolean => effectId(first) === effectId(second);
