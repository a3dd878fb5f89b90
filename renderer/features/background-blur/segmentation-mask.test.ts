import { describe, expect, it } from 'vitest';
import { writePersonAlpha } from './segmentation-mask';

const alphaOf = (confidence: number[]) => {
  const rgba = new Uint8ClampedArray(confidence.length * 4).fill(7);
  writePersonAlpha(confidence, rgba);
  return rgba;
};

describe('the person’s opacity from the segmenter’s confidence', () => {
  it('is transparent where the segmenter sees background and opaque where it sees the person', () => {
    const rgba = alphaOf([0, 0.1, 0.95, 1]);
    expect([rgba[3], rgba[7], rgba[11], rgba[15]]).toEqual([0, 0, 255, 255]);
  });

  it('rises smoothly across the outline', () => {
    const rgba = alphaOf([0.4, 0.5, 0.6]);
    const alphas = [rgba[3]!, rgba[7]!, rgba[11]!];
    expect(alphas[0]).toBeGreaterThan(0);
    expect(alphas[1]).toBeGreaterThan(alphas[0]!);
    expect(alphas[2]).toBeGreaterThan(alphas[1]!);
    expect(alphas[2]).toBeLessThan(255);
  });

  it('leaves the colour channels alone', () => {
    const rgba = alphaOf([1]);
    expect([...rgba.slice(0, 3)]).toEqual([7, 7, 7]);
  });

  it('refuses a buffer of the wrong size', () => {
    expect(() => writePersonAlpha([0.5, 0.5], new Uint8ClampedArray(4))).toThrow(RangeError);
  });
});
