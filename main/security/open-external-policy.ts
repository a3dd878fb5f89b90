// Which links the system browser (or mail client) may receive from us. A link is data from the
// network or another participant: only plain https and mailto (cut down to addresses, subject,
// body and cc), nothing that could carry a credential, attach a file or run a local handler.
export const maximumExternalUrlLength = 2048;

export type OpenExternalRefusal = 'invalid' | 'scheme' | 'credentials' | 'too_long';

export type OpenExternalDecision = { allowed: true; url: string } | { allowed: false; reason: OpenExternalRefusal };

const mailAddress = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;
/** The only mailto fields passed on: `attach=`, `bcc=` or a mail client's own extras never are. */
const keptMailFields = ['subject', 'body', 'cc'] as const;

function addressesOf(list: string): string[] | null {
  const addresses = list.split(',').map((address) => address.trim()).filter((address) => address !== '');
  return addresses.length > 0 && addresses.every((address) => mailAddress.test(address)) ? addresses : null;
}

function decoded(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** `mailto:` cut down to its addresses, subject, body and cc; null when no address is valid. */
function reducedMailto(url: URL): string | null {
  const path = decoded(url.pathname);
  const to = path === null ? null : addressesOf(path);
  if (!to) return null;
  const fields = new URLSearchParams();
  for (const name of keptMailFields) {
    const values = [...url.searchParams].filter(([key]) => key.toLowerCase() === name).map(([, value]) => value);
    if (values.length === 0) continue;
    if (name === 'cc') {
      const cc = addressesOf(values.join(','));
      if (cc) fields.set('cc', cc.join(','));
    } else {
      fields.set(name, values[0]!);
    }
  }
  const query = fields.toString().replaceAll('+', '%20');
  return `mailto:${to.map((address) => encodeURI(address)).join(',')}${query ? `?${query}` : ''}`;
}

export function decideOpenExternal(raw: string): OpenExternalDecision {
  if (raw.length > maximumExternalUrlLength) return { allowed: false, reason: 'too_long' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: 'invalid' };
  }
  if (url.protocol === 'mailto:') {
    const mail = reducedMailto(url);
    return mail === null ? { allowed: false, reason: 'invalid' } : { allowed: true, url: mail };
  }
  if (url.protocol !== 'https:') return { allowed: false, reason: 'scheme' };
  if (url.username !== '' || url.password !== '') return { allowed: false, reason: 'credentials' };
  if (url.hostname === '') return { allowed: false, reason: 'invalid' };
  if (url.href.length > maximumExternalUrlLength) return { allowed: false, reason: 'too_long' };
  return { allowed: true, url: url.href };
}
