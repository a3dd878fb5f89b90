// Choosing a device during the call: remembered for the next meetings, and switched at once.
import type { Room } from 'livekit-client';
import { useDevicePreferences, type DevicePreferences } from './device-preferences';

const preferenceKey: Record<MediaDeviceKind, keyof Pick<DevicePreferences, 'audioInputId' | 'videoInputId' | 'audioOutputId'>> = {
  audioinput: 'audioInputId',
  videoinput: 'videoInputId',
  audiooutput: 'audioOutputId',
};

export function preferredDeviceId(preferences: DevicePreferences, kind: MediaDeviceKind): string {
  return preferences[preferenceKey[kind]];
}

/** `deviceId` empty means the system's default device. */
export function chooseDevice(room: Room | null, kind: MediaDeviceKind, deviceId: string): void {
  useDevicePreferences.getState().update({ [preferenceKey[kind]]: deviceId });
  if (room && deviceId) void room.switchActiveDevice(kind, deviceId).catch(() => undefined);
}
