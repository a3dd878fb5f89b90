// What a participant hands out to invite someone: the meeting's public link and, when the
// instance offers telephony, the number to dial and the room's PIN.
import type { AppInfo } from '../../../common/ipc-contract';
import type { MeetConfig, Room } from '../../../common/meet-types';
import { isLoopbackHost, normalizeHost } from '../../../common/host-patterns';

type LinkSource = Pick<AppInfo, 'kind'> & { profile: Pick<AppInfo['profile'], 'meetingHosts' | 'apiBaseUrl'> };

/**
 * The link that opens the meeting in a browser or in the app.
 * The browser variant is served by the instance itself: its page origin is the public address.
 * The desktop app uses the profile's first meeting host, in https; a loopback host (the local
 * development stack) is served in http on the API's own port.
 */
export function meetingLink(info: LinkSource | null, slug: string, pageOrigin: string): string {
  if (!info || info.kind === 'browser') return `${pageOrigin.replace(/\/+$/, '')}/${slug}`;
  const api = new URL(info.profile.apiBaseUrl);
  const host = info.profile.meetingHosts[0]?.trim();
  if (!host) return `${api.origin}/${slug}`;
  if (isLoopbackHost(normalizeHost(host))) {
    if (isLoopbackHost(normalizeHost(api.host))) return `${api.origin}/${slug}`;
    return `http://${host}/${slug}`;
  }
  return `https://${host}/${slug}`;
}

export interface DialIn {
  /** As the instance prints it, e.g. `+33 1 23 45 67 89`. */
  phoneNumber: string;
  /** Digits only, as the room stores it. */
  pinCode: string;
}

/** The dial-in details, when the instance offers telephony and this room has a PIN. */
export function dialInOf(config: MeetConfig | null, room: Pick<Room, 'pin_code'>): DialIn | null {
  const telephony = config?.telephony;
  const phoneNumber = telephony?.international_phone_number?.trim();
  const pinCode = room.pin_code?.trim();
  if (!telephony?.enabled || !phoneNumber || !pinCode) return null;
  return { phoneNumber, pinCode };
}

/** A PIN in groups of three digits (the last group takes the rest), ending with `#` as it is keyed. */
export function formatPinCode(pinCode: string): string {
  const digits = pinCode.replace(/\s+/g, '');
  const groups: string[] = [];
  let rest = digits;
  while (rest.length > 4) {
    groups.push(rest.slice(0, 3));
    rest = rest.slice(3);
  }
  if (rest) groups.push(rest);
  return `${groups.join(' ')}#`;
}

export type InvitationTranslate = (key: 'meetingInfo.invitationLink' | 'meetingInfo.invitationPhone', values: Record<string, string>) => string;

/** The text "Copier l’invitation" puts on the clipboard: the link, then how to join by phone. */
export function invitationText(link: string, dialIn: DialIn | null, translate: InvitationTranslate): string {
  const lines = [translate('meetingInfo.invitationLink', { link })];
  if (dialIn) {
    lines.push(translate('meetingInfo.invitationPhone', { phoneNumber: dialIn.phoneNumber, pinCode: formatPinCode(dialIn.pinCode) }));
  }
  return lines.join('\n');
}
