import { describe, expect, it } from 'vitest';
import { startupSwitchesFrom } from './startup-switches';

describe('startup switches', () => {
  it('uses the GPU and the system language when nobody chose', () => {
    expect(startupSwitchesFrom({}, undefined)).toEqual({ hardwareAcceleration: true, language: null });
  });

  it('follows the user when no policy sets the key', () => {
    expect(startupSwitchesFrom({}, { hardwareAcceleration: false, language: 'en' })).toEqual({
      hardwareAcceleration: false,
      language: 'en',
    });
  });

  it('lets the policy win over the user', () => {
    expect(startupSwitchesFrom({ HardwareAcceleration: false, Language: 'fr' }, { hardwareAcceleration: true, language: 'en' })).toEqual({
      hardwareAcceleration: false,
      language: 'fr',
    });
  });

  it('ignores a saved settings file that is not valid', () => {
    expect(startupSwitchesFrom({}, { hardwareAcceleration: 'no', extra: 1 })).toEqual({ hardwareAcceleration: true, language: null });
  });
});
