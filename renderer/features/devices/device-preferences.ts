// The prejoin choices (devices, mic and camera on or off, background effect, noise suppression,
// name), remembered between meetings.
import { create } from 'zustand';
import { NO_EFFECT, parseBackgroundEffect, type BackgroundEffect } from '../effects/background-effect';

export interface DevicePreferences {
  audioInputId: string;
  videoInputId: string;
  audioOutputId: string;
  microphoneEnabled: boolean;
  cameraEnabled: boolean;
  /** What is done with the background of the camera image (prejoin preview and call). */
  backgroundEffect: BackgroundEffect;
  /** Remove background noise from the microphone before it is sent (RNNoise); on unless turned off, as in Meet. */
  noiseSuppression: boolean;
  displayName: string;
}

export const defaultDevicePreferences: DevicePreferences = {
  audioInputId: '',
  videoInputId: '',
  audioOutputId: '',
  microphoneEnabled: true,
  cameraEnabled: true,
  backgroundEffect: NO_EFFECT,
  noiseSuppression: true,
  displayName: '',
};

const STORAGE_KEY = 'visio.devicePreferences';

/** Reads stored preferences, keeping only well-typed fields so a corrupt entry never breaks the prejoin. */
export function parseDevicePreferences(stored: string | null): DevicePreferences {
  if (!stored) return { ...defaultDevicePreferences };
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return { ...defaultDevicePreferences };
  }
  if (typeof value !== 'object' || value === null) return { ...defaultDevicePreferences };
  const record = value as Record<string, unknown>;
  const text = (key: keyof DevicePreferences, max: number) =>
    typeof record[key] === 'string' ? (record[key] as string).slice(0, max) : (defaultDevicePreferences[key] as string);
  const flag = (key: keyof DevicePreferences) =>
    typeof record[key] === 'boolean' ? (record[key] as boolean) : (defaultDevicePreferences[key] as boolean);
  return {
    audioInputId: text('audioInputId', 256),
    videoInputId: text('videoInputId', 256),
    audioOutputId: text('audioOutputId', 256),
    microphoneEnabled: flag('microphoneEnabled'),
    cameraEnabled: flag('cameraEnabled'),
    backgroundEffect: parseBackgroundEffect(record.backgroundEffect, record.backgroundBlur),
    noiseSuppression: flag('noiseSuppression'),
    displayName: text('displayName', 64),
  };
}

export interface PreferenceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function browserStorage(): PreferenceStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

interface DevicePreferencesState extends DevicePreferences {
  update(changes: Partial<DevicePreferences>): void;
}

export function createDevicePreferencesStore(storage: PreferenceStorage | null) {
  return create<DevicePreferencesState>((set, get) => ({
    ...parseDevicePreferences(storage?.getItem(STORAGE_KEY) ?? null),
    update(changes) {
      set(changes);
      const { update: _update, ...preferences } = { ...get() };
      try {
        storage?.setItem(STORAGE_KEY, JSON.stringify(preferences));
      } catch {
        // Storage full or refused: the choice lasts for this page only.
      }
    },
  }));
}

export const useDevicePreferences = createDevicePreferencesStore(browserStorage());
