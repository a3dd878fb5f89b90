import { describe, expect, it } from 'vitest';
import { profileSchema } from '../../common/profile';
import { isLoginNavigationAllowed, loginPartitionFor } from './login-navigation';

const profile = profileSchema.parse({
  id: 'interieur',
  displayName: 'Visio',
  apiBaseUrl: 'https://visio.interieur.gouv.fr/api/v1.0/',
  identityProviderUrl: 'https://auth.agentconnect.gouv.fr/api/v2',
  meetingHosts: ['visio.interieur.gouv.fr'],
  allowedHosts: ['*.sso.interieur.gouv.fr'],
});

describe('login window navigation', () => {
  it.each([
    'https://visio.interieur.gouv.fr/api/v1.0/authenticate/',
    'https://auth.agentconnect.gouv.fr/api/v2/authorize?x=1',
    'https://idp.sso.interieur.gouv.fr/login',
  ])('allows %s', (url) => {
    expect(isLoginNavigationAllowed(url, profile)).toBe(true);
  });

  it.each([
    'https://evil.example/phish',
    'http://visio.interieur.gouv.fr/',
    'http://idp.sso.interieur.gouv.fr/login',
    'https://user:pw@visio.interieur.gouv.fr/',
    'file:///etc/passwd',
    'javascript:alert(1)',
  ])('blocks %s', (url) => {
    expect(isLoginNavigationAllowed(url, profile)).toBe(false);
  });

  it('uses one in-memory partition per profile, never written to disk', () => {
    expect(loginPartitionFor(profile)).toBe('login-interieur');
    expect(loginPartitionFor(profile).startsWith('persist:')).toBe(false);
    expect(loginPartitionFor({ id: 'justice' })).not.toBe(loginPartitionFor(profile));
  });
});
