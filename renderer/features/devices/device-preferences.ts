// The prejoin choices (devices, mic and camera on or off, background effect, noise suppression,
// name), remembered between meetings.
import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { checkedStorage, decodeStored, pageStorage, type KeyValueStorage } from '../../platform/checked-storage';
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

const text = (max: number) => z.string().transform((value) => value.slice(0, max)).catch('');
const flag = (fallback: boolean) => z.boolean().catch(fallback);

/** Stored preferences, field by field: a field of the wrong type takes its default, so a corrupt entry never breaks the prejoin. */
const storedDevicePreferences: z.ZodType<DevicePreferences> = z
  .object({
    audioInputId: text(256),
    videoInputId: text(256),
    audioOutputId: text(256),
    microphoneEnabled: flag(defaultDevicePreferences.microphoneEnabled),
    cameraEnabled: flag(defaultDevicePreferences.cameraEnabled),
    backgroundEffect: z.unknown().optional(),
    /** Where blur was kept before the other background effects came. */
    backgroundBlur: z.unknown().optional(),
    noiseSuppression: flag(defaultDevicePreferences.noiseSuppression),
    displayName: text(64),
  })
  .transform(({ backgroundEffect, backgroundBlur, ...rest }) => ({
    ...rest,
    backgroundEffect: parseBackgroundEffect(backgroundEffect, backgroundBlur),
  }));

/** Reads stored preferences, keeping only well-typed fields. */
export function parseDevicePreferences(stored: string | null): DevicePreferences {
  return decodeStored(storedDevicePreferences, stored) ?? { ...defaultDevicePreferences };
}

interface DevicePreferencesState extends DevicePreferences {
  update(changes: Partial<DevicePreferences>): void;
}

export function createDevicePreferencesStore(storage: KeyValueStorage | null) {
  return create<DevicePreferencesState>()(
    persist((set) => ({ ...defaultDevicePreferences, update: (changes) => set(changes) }), {
      name: STORAGE_KEY,
      storage: checkedStorage(storedDevicePreferences, storage),
      partialize: ({ update: _update, ...preferences }) => preferences,
    }),
  );
}

export const useDevicePreferences = createDevicePreferencesStore(pageStorage());
