// The preferences the user sets in the settings (video quality, sounds, caption style, reading
// font), remembered on this computer. Stored values are checked field by field so an old or corrupt
// entry never breaks a call.
import { z } from 'zod';
import { appFonts, type AppFont } from '../../app/app-font';
import { decodeStored } from '../../platform/checked-storage';

export type CaptionSize = 'small' | 'medium' | 'large';
export type CaptionColour = 'white' | 'yellow' | 'cyan';
export type PublishResolution = '360p' | '720p';
export type ReceivedQuality = 'auto' | 'low' | 'high';

export interface CallPreferences {
  captionSize: CaptionSize;
  captionColour: CaptionColour;
  publishResolution: PublishResolution;
  receivedQuality: ReceivedQuality;
  notificationSounds: boolean;
  font: AppFont;
  /** Low-bandwidth mode asked for by the user: only the speaker's and shared screens' videos are received. */
  lowBandwidth: boolean;
}

export const captionSizes: readonly CaptionSize[] = ['small', 'medium', 'large'];
export const captionColours: readonly CaptionColour[] = ['white', 'yellow', 'cyan'];
export const publishResolutions: readonly PublishResolution[] = ['360p', '720p'];
export const receivedQualities: readonly ReceivedQuality[] = ['auto', 'low', 'high'];

export const defaultCallPreferences: CallPreferences = {
  captionSize: 'medium',
  captionColour: 'white',
  publishResolution: '720p',
  receivedQuality: 'auto',
  notificationSounds: true,
  font: 'default',
  lowBandwidth: false,
};

const oneOf = <T extends string>(allowed: readonly T[], fallback: T) =>
  z.custom<T>((value) => (allowed as readonly unknown[]).includes(value)).catch(fallback);
const flag = (fallback: boolean) => z.boolean().catch(fallback);

/** Stored preferences, field by field: an unknown or mistyped value takes its default. */
export const storedCallPreferences: z.ZodType<CallPreferences> = z.object({
  captionSize: oneOf(captionSizes, defaultCallPreferences.captionSize),
  captionColour: oneOf(captionColours, defaultCallPreferences.captionColour),
  publishResolution: oneOf(publishResolutions, defaultCallPreferences.publishResolution),
  receivedQuality: oneOf(receivedQualities, defaultCallPreferences.receivedQuality),
  notificationSounds: flag(defaultCallPreferences.notificationSounds),
  font: oneOf(appFonts, defaultCallPreferences.font),
  lowBandwidth: flag(defaultCallPreferences.lowBandwidth),
});

export function parseCallPreferences(stored: string | null): CallPreferences {
  return decodeStored(storedCallPreferences, stored) ?? { ...defaultCallPreferences };
}
