import { describe, expect, it } from 'vitest';
import en from '../../../common/locales/en/renderer.json' with { type: 'json' };
import fr from '../../../common/locales/fr/renderer.json' with { type: 'json' };
import { cameraCaptureResolution, SOFTWARE_BLUR_RESOLUTION } from './blur-resolution';

describe('the camera’s capture resolution with blur', () => {
  it('is lowered to 360p while blur is on with WebGL drawn in software', () => {
    expect(SOFTWARE_BLUR_RESOLUTION).toBe('360p');
    expect(cameraCaptureResolution('720p', true, true)).toBe('360p');
  });

  it('is the user’s own otherwise', () => {
    expect(cameraCaptureResolution('720p', false, true)).toBe('720p');
    expect(cameraCaptureResolution('720p', true, false)).toBe('720p');
    expect(cameraCaptureResolution('720p', false, false)).toBe('720p');
    // Already as low as a software blur can afford: nothing changes.
    expect(cameraCaptureResolution('360p', true, true)).toBe('360p');
    expect(cameraCaptureResolution('360p', false, false)).toBe('360p');
  });
});

describe('the note on software blur', () => {
  it('names the resolution sent, in French and English', () => {
    expect(fr.effects.softwareResolution).toContain('{{resolution}}');
    expect(en.effects.softwareResolution).toContain('{{resolution}}');
  });
});
