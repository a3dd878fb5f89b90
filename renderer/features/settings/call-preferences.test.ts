import { describe, expect, it } from 'vitest';
import { defaultCallPreferences, parseCallPreferences } from './call-preferences';

describe('call preferences', () => {
  it('reads stored choices', () => {
    const stored = JSON.stringify({ captionSize: 'large', captionColour: 'yellow', publishResolution: '360p', receivedQuality: 'low', notificationSounds: false, font: 'opendyslexic', lowBandwidth: true });
    expect(parseCallPreferences(stored)).toEqual({ captionSize: 'large', captionColour: 'yellow', publishResolution: '360p', receivedQuality: 'low', notificationSounds: false, font: 'opendyslexic', lowBandwidth: true });
  });

  it('falls back to defaults field by field', () => {
    expect(parseCallPreferences(JSON.stringify({ captionSize: 'huge', receivedQuality: 'high', notificationSounds: 'yes', font: 'comic-sans', lowBandwidth: 'on' }))).toEqual({
      ...defaultCallPreferences,
      receivedQuality: 'high',
    });
    expect(parseCallPreferences('not json')).toEqual(defaultCallPreferences);
    expect(parseCallPreferences(null)).toEqual(defaultCallPreferences);
  });
});
