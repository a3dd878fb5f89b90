import { describe, expect, it } from 'vitest';
import { defaultAccentColor } from '../../common/profile';
import { accentFitsFocus, contrastRatio, readableAccentColor } from './accent-color';

describe('the profile’s accent colour', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // The State's blue under white text: far above AA.
    expect(contrastRatio(defaultAccentColor, '#ffffff')).toBeGreaterThan(14);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('keeps a ministry colour white text reads on', () => {
    expect(readableAccentColor('#18753C')).toBe('#18753c');
    expect(readableAccentColor('#767676')).toBe('#767676');
  });

  it('falls back to the State’s blue when white text on the colour fails AA', () => {
    expect(readableAccentColor('#777777')).toBe(defaultAccentColor);
    expect(readableAccentColor('#ffcc00')).toBe(defaultAccentColor);
    expect(readableAccentColor('#ffffff')).toBe(defaultAccentColor);
  });

  it('rings focus with the accent only where it stands out on the light pages and the dark call alike', () => {
    // A mid green: 4.5:1 under white text, and over 3:1 on the call's dark background.
    expect(accentFitsFocus('#1f7a4d')).toBe(true);
    // Dark enough for white text, but lost on the dark call screen.
    expect(accentFitsFocus(defaultAccentColor)).toBe(false);
    expect(accentFitsFocus('#1f1f5f')).toBe(false);
  });

  it('falls back to the State’s blue when there is no colour or not a plain one', () => {
    expect(readableAccentColor(undefined)).toBe(defaultAccentColor);
    expect(readableAccentColor('red')).toBe(defaultAccentColor);
    expect(readableAccentColor('#fff')).toBe(defaultAccentColor);
  });
});
