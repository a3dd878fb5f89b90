import { describe, expect, it } from 'vitest';
import { createDevicePreferencesStore, defaultDevicePreferences, parseDevicePreferences } from './device-preferences';

describe('device preferences', () => {
  it('falls back to defaults on missing or corrupt storage', () => {
    expect(parseDevicePreferences(null)).toEqual(defaultDevicePreferences);
    expect(parseDevicePreferences('{not json')).toEqual(defaultDevicePreferences);
    expect(parseDevicePreferences('{"cameraEnabled":"yes","displayName":42}')).toEqual(defaultDevicePreferences);
    expect(parseDevicePreferences('{"backgroundBlur":"true"}').backgroundEffect).toEqual({ kind: 'none' });
    expect(parseDevicePreferences('{"backgroundEffect":{"kind":"image","image":"https://evil.test/x.png"}}').backgroundEffect).toEqual({ kind: 'none' });
  });

  it('leaves the background as captured unless an effect was chosen', () => {
    expect(defaultDevicePreferences.backgroundEffect).toEqual({ kind: 'none' });
    // Preferences stored before effects existed keep their other choices.
    expect(parseDevicePreferences('{"cameraEnabled":false}')).toEqual({ ...defaultDevicePreferences, cameraEnabled: false });
    // The blur switch of earlier versions becomes the strong blur, the one it drew.
    expect(parseDevicePreferences('{"backgroundBlur":true}').backgroundEffect).toEqual({ kind: 'blur', strength: 'strong' });
    expect(parseDevicePreferences('{"backgroundBlur":true,"backgroundEffect":{"kind":"none"}}').backgroundEffect).toEqual({ kind: 'none' });
  });

  it('suppresses noise unless it was turned off', () => {
    expect(defaultDevicePreferences.noiseSuppression).toBe(true);
    // Preferences stored before noise suppression existed get it on.
    expect(parseDevicePreferences('{"microphoneEnabled":false}').noiseSuppression).toBe(true);
    expect(parseDevicePreferences('{"noiseSuppression":false}').noiseSuppression).toBe(false);
    expect(parseDevicePreferences('{"noiseSuppression":"false"}').noiseSuppression).toBe(true);
    const memory = new Map<string, string>();
    const storage = { getItem: (key: string) => memory.get(key) ?? null, setItem: (key: string, value: string) => void memory.set(key, value) };
    createDevicePreferencesStore(storage).getState().update({ noiseSuppression: false });
    expect(createDevicePreferencesStore(storage).getState().noiseSuppression).toBe(false);
  });

  it('remembers choices across stores sharing a storage', () => {
    const memory = new Map<string, string>();
    const storage = { getItem: (key: string) => memory.get(key) ?? null, setItem: (key: string, value: string) => void memory.set(key, value) };
    createDevicePreferencesStore(storage).getState().update({ cameraEnabled: false, audioInputId: 'mic-2', displayName: 'Ana', backgroundEffect: { kind: 'image', image: 'lavender' } });
    const reloaded = createDevicePreferencesStore(storage).getState();
    expect(reloaded.cameraEnabled).toBe(false);
    expect(reloaded.microphoneEnabled).toBe(true);
    expect(reloaded.audioInputId).toBe('mic-2');
    expect(reloaded.displayName).toBe('Ana');
    expect(reloaded.backgroundEffect).toEqual({ kind: 'image', image: 'lavender' });
  });
});
