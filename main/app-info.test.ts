import { describe, expect, it } from 'vitest';
import { profileSchema } from '../common/profile';
import { appInfoOf } from './app-info';

const profile = profileSchema.parse({
  id: 'devstack',
  displayName: 'Visio',
  apiBaseUrl: 'http://127.0.0.1:8071/api/v1.0/',
  meetingHosts: ['127.0.0.1'],
  allowedHosts: ['127.0.0.1'],
});

describe('app info', () => {
  it('describes the run and follows the system language when supported', () => {
    const info = appInfoOf({ version: '0.1.0', platform: 'linux', locale: 'en-GB', profile });
    expect(info).toMatchObject({ kind: 'electron', version: '0.1.0', os: 'linux', language: 'en' });
    expect(info.profile).toEqual({
      id: 'devstack',
      displayName: 'Visio',
      apiBaseUrl: 'http://127.0.0.1:8071/api/v1.0/',
      meetingHosts: ['127.0.0.1'],
      scheme: 'visio',
    });
  });

  it('falls back to the profile language', () => {
    expect(appInfoOf({ version: '0.1.0', platform: 'win32', locale: 'de-DE', profile }).language).toBe('fr');
  });
});
