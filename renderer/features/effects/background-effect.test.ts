import { describe, expect, it } from 'vitest';
import de from '../../../common/locales/de/renderer.json' with { type: 'json' };
import en from '../../../common/locales/en/renderer.json' with { type: 'json' };
import fr from '../../../common/locales/fr/renderer.json' with { type: 'json' };
import nl from '../../../common/locales/nl/renderer.json' with { type: 'json' };
import { effectId, isEffectOn, NO_EFFECT, parseBackgroundEffect, sameEffect, type BackgroundEffect } from './background-effect';
import { BUNDLED_BACKGROUND_IDS } from './bundled-background-ids';
import { renderingOf } from './effect-rendering';

const every: BackgroundEffect[] = [
  NO_EFFECT,
  { kind: 'blur', strength: 'light' },
  { kind: 'blur', strength: 'strong' },
  ...BUNDLED_BACKGROUND_IDS.map((image) => ({ kind: 'image' as const, image })),
  { kind: 'own-image' },
];

describe('the background effect chosen', () => {
  it('reads back every choice as stored', () => {
    for (const effect of every) expect(parseBackgroundEffect(JSON.parse(JSON.stringify(effect)))).toEqual(effect);
  });

  it('reads anything else as no effect, never as a picture from elsewhere', () => {
    for (const stored of [null, 'blur', { kind: 'blur' }, { kind: 'blur', strength: 'max' }, { kind: 'image', image: 'https://evil.test/x.png' }, { kind: 'own-image', url: 'x' }, 42]) {
      expect(parseBackgroundEffect(stored)).toEqual(NO_EFFECT);
    }
  });

  it('turns the blur switch of earlier versions into the strong blur', () => {
    expect(parseBackgroundEffect(undefined, true)).toEqual({ kind: 'blur', strength: 'strong' });
    expect(parseBackgroundEffect(undefined, false)).toEqual(NO_EFFECT);
    expect(parseBackgroundEffect({ kind: 'blur', strength: 'light' }, true)).toEqual({ kind: 'blur', strength: 'light' });
  });

  it('tells choices apart by one id each', () => {
    expect(new Set(every.map(effectId)).size).toBe(every.length);
    expect(sameEffect({ kind: 'blur', strength: 'light' }, { kind: 'blur', strength: 'light' })).toBe(true);
    expect(sameEffect({ kind: 'blur', strength: 'light' }, { kind: 'blur', strength: 'strong' })).toBe(false);
    expect(every.filter(isEffectOn)).toHaveLength(every.length - 1);
  });

  it('draws a light blur lighter than the strong one, and each bundled picture from the app', () => {
    const light = renderingOf({ kind: 'blur', strength: 'light' }, null);
    const strong = renderingOf({ kind: 'blur', strength: 'strong' }, null);
    expect(light?.mode === 'blur' && strong?.mode === 'blur' && light.radius < strong.radius).toBe(true);
    for (const image of BUNDLED_BACKGROUND_IDS) {
      const rendering = renderingOf({ kind: 'image', image }, null);
      expect(rendering?.mode).toBe('image');
      expect(rendering?.mode === 'image' && rendering.imageUrl).toMatch(new RegExp(`${image}.*\\.png$`));
    }
    expect(renderingOf(NO_EFFECT, null)).toBeNull();
  });

  it('draws the own picture only when one is kept', () => {
    expect(renderingOf({ kind: 'own-image' }, null)).toBeNull();
    expect(renderingOf({ kind: 'own-image' }, 'data:image/png;base64,AAAA')).toEqual({ mode: 'image', imageUrl: 'data:image/png;base64,AAAA' });
  });

  it('names every bundled picture in each language', () => {
    for (const messages of [fr, en, de, nl]) {
      for (const image of BUNDLED_BACKGROUND_IDS) expect(messages.effects.backgrounds[image]).toEqual(expect.any(String));
    }
  });
});
