// The ministry's own PKI: its CA certificates make a server certificate trusted only when
// Chromium refused it for an unknown authority, only for the profile's hosts, and only after the
// chain up to one of those CAs is checked here (signatures, host name, dates). Every other case is
// left to Chromium's verdict: verification is never turned off.
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import type { Profile } from '../../common/profile';
import { isHostnameAllowed } from '../profile/allowed-hosts';

/** Values `setCertificateVerifyProc` callbacks take. */
export const certificateVerdict = { trusted: 0, chromiumDecides: -3 } as const;
export type CertificateVerdict = (typeof certificateVerdict)[keyof typeof certificateVerdict];

/** Chromium's net::ERR_CERT_AUTHORITY_INVALID: the only refusal a ministry CA may overturn. */
export const authorityInvalidErrorCode = -202;

/** The part of Electron's `Certificate` the decision reads. */
export interface PresentedCertificate {
  /** PEM. */
  data: string;
  issuerCert?: PresentedCertificate | null;
}

export interface VerifyRequest {
  hostname: string;
  certificate: PresentedCertificate;
  /** Chromium's own result: 0 when it accepted the certificate. */
  errorCode: number;
}

export interface CertificateAuthorities {
  certificates: X509Certificate[];
  /** Entries that were not certificates of an authority: for the log. */
  rejected: { entry: string; reason: string }[];
}

const pemBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Parses PEM texts (one or several certificates each); keeps only CA certificates. */
export function parseCertificateAuthorities(pemTexts: readonly string[]): CertificateAuthorities {
  const result: CertificateAuthorities = { certificates: [], rejected: [] };
  for (const text of pemTexts) {
    const blocks = text.match(pemBlock) ?? [];
    if (blocks.length === 0) result.rejected.push({ entry: text.slice(0, 60), reason: 'no PEM certificate' });
    for (const block of blocks) {
      try {
        const certificate = new X509Certificate(block);
        if (certificate.ca) result.certificates.push(certificate);
        else result.rejected.push({ entry: certificate.subject, reason: 'not a CA certificate' });
      } catch (error) {
        result.rejected.push({ entry: block.slice(0, 60), reason: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return result;
}

/** Reads the entries that are file paths, so that settings may name PEM files or embed PEM text. */
export async function loadCertificateAuthorities(
  entries: readonly string[],
  readText: (path: string) => Promise<string>,
): Promise<CertificateAuthorities> {
  const texts: string[] = [];
  const rejected: CertificateAuthorities['rejected'] = [];
  for (const entry of entries) {
    if (entry.includes('-----BEGIN CERTIFICATE-----')) {
      texts.push(entry);
      continue;
    }
    try {
      texts.push(await readText(entry));
    } catch (error) {
      rejected.push({ entry, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  const parsed = parseCertificateAuthorities(texts);
  return { certificates: parsed.certificates, rejected: [...rejected, ...parsed.rejected] };
}

function isCurrentlyValid(certificate: X509Certificate, now: Date): boolean {
  return new Date(certificate.validFrom) <= now && now <= new Date(certificate.validTo);
}

function signedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function presentedChain(certificate: PresentedCertificate): X509Certificate[] | null {
  const chain: X509Certificate[] = [];
  let current: PresentedCertificate | null | undefined = certificate;
  while (current && chain.length < 8) {
    try {
      chain.push(new X509Certificate(current.data));
    } catch {
      return null;
    }
    if (current.issuerCert === current) break;
    current = current.issuerCert;
  }
  return chain;
}

function matchesHost(certificate: X509Certificate, hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return isIP(bare) ? certificate.checkIP(bare) !== undefined : certificate.checkHost(bare) !== undefined;
}

export function decideCertificate(
  request: VerifyRequest,
  profile: Profile,
  authorities: readonly X509Certificate[],
  now: Date = new Date(),
): CertificateVerdict {
  if (request.errorCode !== authorityInvalidErrorCode) return certificateVerdict.chromiumDecides;
  if (authorities.length === 0 || !isHostnameAllowed(profile, request.hostname)) return certificateVerdict.chromiumDecides;
  const chain = presentedChain(request.certificate);
  const leaf = chain?.[0];
  if (!chain || !leaf || !matchesHost(leaf, request.hostname)) return certificateVerdict.chromiumDecides;

  for (let index = 0; index < chain.length; index += 1) {
    const certificate = chain[index]!;
    if (!isCurrentlyValid(certificate, now)) return certificateVerdict.chromiumDecides;
    if (authorities.some((authority) => isCurrentlyValid(authority, now) && signedBy(certificate, authority))) {
      return certificateVerdict.trusted;
    }
    const issuer = chain[index + 1];
    if (!issuer || !issuer.ca || !signedBy(certificate, issuer)) return certificateVerdict.chromiumDecides;
  }
  return certificateVerdict.chromiumDecides;
}
