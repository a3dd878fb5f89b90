// The preferences the user sets in the settings (video quality, sounds, caption style, reading
// font), remembered on this computer. Stored values are checked field by field so an old or corrupt
// entry never breaks a call.
import { appFonts, type AppFont } from '../../app/app-font';

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

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function parseCallPreferences(stored: string | null): CallPreferences {
  if (!stored) return { ...defaultCallPreferences };
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return { ...defaultCallPreferences };
  }
  if (typeof value !== 'object' || value === null) return { ...defaultCallPreferences };
  const record = value as Record<string, unknown>;
  return {
    captionSize: oneOf(captionSizes, record.captionSize, defaultCallPreferences.captionSize),
    captionColour: oneOf(captionColours, record.captionColour, defaultCallPreferences.captionColour),
    publishResolution: oneOf(publishResolutions, record.publishResolution, defaultCallPreferences.publishResolution),
    receivedQuality: oneOf(receivedQualities, record.receivedQuality, defaultCallPreferences.receivedQuality),
    notificationSounds: typeof record.notificationSounds === 'boolean' ? record.notificationSounds : defaultCallPreferences.notificationSounds,
    font: oneOf(appFonts, record.font, defaultCallPreferences.font),
    lowBandwidth: typeof record.lowBandwidth === 'boolean' ? record.lowBandwidth : defaultCallPreferences.lowBandwidth,
  };
}
