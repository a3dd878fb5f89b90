import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../common/profile';
import {
  authorityInvalidErrorCode,
  certificateVerdict,
  decideCertificate,
  loadCertificateAuthorities,
  parseCertificateAuthorities,
  type PresentedCertificate,
} from './certificate-trust';

const pem = (name: string) => readFileSync(join(__dirname, 'test-certificates', `${name}.pem`), 'utf8');
const ministryCa = pem('ministry-ca');
const ministryLeaf = pem('ministry-leaf');
const rogueCa = pem('rogue-ca');
const rogueLeaf = pem('rogue-leaf');

const profile: Profile = {
  id: 'exemple',
  displayName: 'Exemple',
  apiBaseUrl: 'https://visio.example.gouv.fr/api/v1.0/',
  meetingHosts: ['visio.example.gouv.fr'],
  scheme: 'visio',
  allowedHosts: ['livekit.example.gouv.fr'],
  defaultLanguage: 'fr',
};
const authorities = parseCertificateAuthorities([ministryCa]).certificates;
const chain = (leaf: string, issuer?: string): PresentedCertificate => ({
  data: leaf,
  issuerCert: issuer ? { data: issuer } : null,
});
const request = (hostname: string, certificate: PresentedCertificate, errorCode = authorityInvalidErrorCode) => ({
  hostname,
  certificate,
  errorCode,
});

describe('decideCertificate', () => {
  it('trusts a certificate issued by the ministry CA for a profile host', () => {
    expect(decideCertificate(request('visio.example.gouv.fr', chain(ministryLeaf, ministryCa)), profile, authorities)).toBe(
      certificateVerdict.trusted,
    );
    expect(decideCertificate(request('visio.example.gouv.fr', chain(ministryLeaf)), profile, authorities)).toBe(
      certificateVerdict.trusted,
    );
  });

  it('leaves everything else to Chromium', () => {
    const decide = (hostname: string, certificate: PresentedCertificate, errorCode?: number, now?: Date) =>
      decideCertificate(request(hostname, certificate, errorCode), profile, authorities, now);
    // Chromium accepted it: nothing to overturn.
    expect(decide('visio.example.gouv.fr', chain(ministryLeaf), 0)).toBe(certificateVerdict.chromiumDecides);
    // Expired, revoked or mismatched certificates stay refused.
    expect(decide('visio.example.gouv.fr', chain(ministryLeaf), -201)).toBe(certificateVerdict.chromiumDecides);
    // A host outside the profile never benefits from the ministry CA.
    expect(decide('visio.example.com', chain(ministryLeaf))).toBe(certificateVerdict.chromiumDecides);
    // The certificate names another host than the one contacted.
    expect(decide('livekit.example.gouv.fr', chain(ministryLeaf))).toBe(certificateVerdict.chromiumDecides);
    // A rogue CA with the same name, even with the real CA attached to the chain.
    expect(decide('visio.example.gouv.fr', chain(rogueLeaf, ministryCa))).toBe(certificateVerdict.chromiumDecides);
    expect(decide('visio.example.gouv.fr', chain(rogueLeaf, rogueCa))).toBe(certificateVerdict.chromiumDecides);
    // Outside the validity period.
    expect(decide('visio.example.gouv.fr', chain(ministryLeaf), undefined, new Date('2200-01-01'))).toBe(
      certificateVerdict.chromiumDecides,
    );
    // Garbage.
    expect(decide('visio.example.gouv.fr', { data: 'not a certificate' })).toBe(certificateVerdict.chromiumDecides);
  });

  it('trusts nothing when no ministry CA is configured', () => {
    expect(decideCertificate(request('visio.example.gouv.fr', chain(ministryLeaf, ministryCa)), profile, [])).toBe(
      certificateVerdict.chromiumDecides,
    );
  });
});

describe('loading the ministry CAs', () => {
  it('reads paths, keeps PEM texts, and rejects non-CA certificates and unreadable files', async () => {
    const files: Record<string, string> = { '/etc/pki/ministere.pem': ministryCa, '/etc/pki/serveur.pem': ministryLeaf };
    const loaded = await loadCertificateAuthorities(['/etc/pki/ministere.pem', '/etc/pki/serveur.pem', rogueCa, '/absent.pem'], async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT ${path}`);
      return text;
    });
    expect(loaded.certificates.map((certificate) => certificate.fingerprint256)).toEqual(
      parseCertificateAuthorities([ministryCa, rogueCa]).certificates.map((certificate) => certificate.fingerprint256),
    );
    expect(loaded.rejected.map((item) => item.reason)).toEqual(['ENOENT /absent.pem', 'not a CA certificate']);
  });
});
