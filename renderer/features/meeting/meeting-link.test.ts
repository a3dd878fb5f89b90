import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../common/i18n';
import type { Language } from '../../../common/languages';
import type { MeetConfig } from '../../../common/meet-types';
import { translations } from '../../i18n/i18n';
import { dialInOf, formatPinCode, invitationText, meetingLink } from './meeting-link';

const desktop = (meetingHosts: string[], apiBaseUrl = 'https://visio.numerique.gouv.fr/api/v1.0/') => ({
  kind: 'electron' as const,
  profile: { meetingHosts, apiBaseUrl },
});

describe('meetingLink', () => {
  it('uses the first meeting host of the profile, in https, on the desktop', () => {
    expect(meetingLink(desktop(['visio.numerique.gouv.fr', 'webconf.gouv.fr']), 'abc-defg-hij', 'app://visio')).toBe(
      'https://visio.numerique.gouv.fr/abc-defg-hij',
    );
    expect(meetingLink(desktop(['meet.example.gouv.fr:8443']), 'abc-defg-hij', 'app://visio')).toBe(
      'https://meet.example.gouv.fr:8443/abc-defg-hij',
    );
  });

  it('gives the local stack its http address and port, never https', () => {
    expect(meetingLink(desktop(['127.0.0.1', 'localhost'], 'http://127.0.0.1:8071/api/v1.0/'), 'abc-defg-hij', 'app://visio')).toBe(
      'http://127.0.0.1:8071/abc-defg-hij',
    );
    expect(meetingLink(desktop(['localhost:9000'], 'https://visio.example.gouv.fr/api/v1.0/'), 'abc-defg-hij', 'app://visio')).toBe(
      'http://localhost:9000/abc-defg-hij',
    );
  });

  it('falls back to the API origin when the profile names no meeting host', () => {
    expect(meetingLink(desktop([], 'https://visio.example.gouv.fr/api/v1.0/'), 'abc-defg-hij', 'app://visio')).toBe(
      'https://visio.example.gouv.fr/abc-defg-hij',
    );
  });

  it('uses the page origin in the browser, served by the instance itself', () => {
    const browser = { kind: 'browser' as const, profile: { meetingHosts: ['other.example'], apiBaseUrl: 'https://other.example/api/v1.0/' } };
    expect(meetingLink(browser, 'abc-defg-hij', 'https://visio.example.gouv.fr')).toBe('https://visio.example.gouv.fr/abc-defg-hij');
    expect(meetingLink(null, 'abc-defg-hij', 'http://127.0.0.1:4321/')).toBe('http://127.0.0.1:4321/abc-defg-hij');
  });
});

describe('dial-in', () => {
  const config = (telephony: MeetConfig['telephony']) => ({ livekit: { url: 'wss://lk.example' }, telephony }) as MeetConfig;

  it('is offered only when telephony is on, a number is given and the room has a PIN', () => {
    const on = config({ enabled: true, default_country: 'FR', international_phone_number: '+33 1 99 00 12 34' });
    expect(dialInOf(on, { pin_code: '0123456789' })).toEqual({ phoneNumber: '+33 1 99 00 12 34', pinCode: '0123456789' });
    expect(dialInOf(on, { pin_code: null })).toBeNull();
    expect(dialInOf(on, {})).toBeNull();
    expect(dialInOf(config({ enabled: false, international_phone_number: '+33 1 99 00 12 34' }), { pin_code: '0123456789' })).toBeNull();
    expect(dialInOf(config({ enabled: true }), { pin_code: '0123456789' })).toBeNull();
    expect(dialInOf(null, { pin_code: '0123456789' })).toBeNull();
  });

  it('groups the PIN as it is read out, keeping leading zeros, and ends it with #', () => {
    expect(formatPinCode('0123456789')).toBe('012 345 6789#');
    expect(formatPinCode('123456')).toBe('123 456#');
    expect(formatPinCode('1234')).toBe('1234#');
  });
});

describe('invitationText', () => {
  async function translator(language: Language) {
    const instance = createI18n('renderer', translations, language);
    return (key: Parameters<Parameters<typeof invitationText>[2]>[0], values: Record<string, string>) => instance.t(key, values);
  }

  it('gives the link, then the number and PIN, in French', async () => {
    const text = invitationText('https://visio.example.gouv.fr/abc-defg-hij', { phoneNumber: '+33 1 99 00 12 34', pinCode: '0123456789' }, await translator('fr'));
    expect(text).toBe('Rejoindre la réunion : https://visio.example.gouv.fr/abc-defg-hij\nPar téléphone : +33 1 99 00 12 34 — code 012 345 6789#');
  });

  it('gives the link alone without telephony, and speaks English when asked', async () => {
    const link = 'https://visio.example.gouv.fr/abc-defg-hij';
    expect(invitationText(link, null, await translator('fr'))).toBe(`Rejoindre la réunion : ${link}`);
    expect(invitationText(link, { phoneNumber: '+33 1 99 00 12 34', pinCode: '0123456789' }, await translator('en'))).toBe(
      `Join the meeting: ${link}\nBy phone: +33 1 99 00 12 34 — PIN 012 345 6789#`,
    );
  });
});
