import { describe, expect, it } from 'vitest';
import type { Profile } from '../../common/profile';
import { decideRequest } from './request-filter';

const profile: Profile = {
  id: 'exemple',
  displayName: 'Exemple',
  apiBaseUrl: 'https://visio.example.gouv.fr/api/v1.0/',
  livekitUrl: 'wss://livekit.example.gouv.fr',
  meetingHosts: ['visio.example.gouv.fr'],
  scheme: 'visio',
  allowedHosts: ['auth.example.gouv.fr'],
  defaultLanguage: 'fr',
};

describe('decideRequest', () => {
  it.each([
    ['https://visio.example.gouv.fr/api/v1.0/users/me/', 'xhr'],
    ['wss://livekit.example.gouv.fr/rtc?access_token=x', 'webSocket'],
    ['https://auth.example.gouv.fr/realms/agents/protocol/openid-connect/auth', 'mainFrame'],
    ['app://visio/index.html', 'mainFrame'],
    ['app://visio/assets/marianne.woff2', 'font'],
    ['data:font/woff2;base64,AAAA', 'font'],
    ['blob:app://visio/5f1c', 'media'],
    ['devtools://devtools/bundled/inspector.html', 'mainFrame'],
  ])('lets %s through', (url, resourceType) => {
    expect(decideRequest({ url, resourceType }, profile)).toEqual({ cancel: false });
  });

  it.each([
    ['https://fonts.googleapis.com/css2?family=Marianne', 'stylesheet', 'host_not_allowed'],
    ['https://fonts.gstatic.com/s/marianne.woff2', 'font', 'remote_font'],
    ['https://visio.example.gouv.fr/static/marianne.woff2', 'font', 'remote_font'],
    ['https://redirector.gvt1.com/edgedl/chrome/dict/fr-fr-3-0.bdic', 'other', 'host_not_allowed'],
    ['https://storage.googleapis.com/mediapipe-models/selfie.tflite', 'xhr', 'host_not_allowed'],
    ['https://sentry.io/api/1/envelope/', 'xhr', 'host_not_allowed'],
    ['http://127.0.0.1:8071/api/v1.0/config/', 'xhr', 'host_not_allowed'],
    ['file:///etc/passwd', 'mainFrame', 'scheme_not_allowed'],
    ['ftp://visio.example.gouv.fr/', 'other', 'scheme_not_allowed'],
    ['chrome-extension://abc/script.js', 'script', 'scheme_not_allowed'],
    ['::::', 'other', 'invalid_url'],
  ])('cancels %s', (url, resourceType, reason) => {
    expect(decideRequest({ url, resourceType }, profile)).toEqual({ cancel: true, reason });
  });

  it('allows extra hosts only when given', () => {
    const request = { url: 'https://pac.example.gouv.fr/proxy.pac', resourceType: 'other' };
    expect(decideRequest(request, profile).cancel).toBe(true);
    expect(decideRequest(request, profile, { extraHosts: ['pac.example.gouv.fr'] }).cancel).toBe(false);
  });
});
