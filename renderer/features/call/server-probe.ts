// Whether the LiveKit server of a call answers now, asked over the same network as the call: its
// health check (`GET /`, "OK" from a node that is up, with LiveKit's CORS headers). Only LiveKit
// counts: a proxy or captive portal answering in its place lacks those headers, so the browser
// rejects the answer. The request goes to the call's own LiveKit origin, which the page's policy
// already allows, and carries no cookie.

/** Longer than a healthy server takes across a country, shorter than the wait it is meant to cut. */
export const PROBE_TIMEOUT_MS = 1_500;

/** The health check's URL for a LiveKit URL (`wss://host/path` → `https://host/path/`); undefined if it is not one. */
export function livekitHealthUrl(livekitUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(livekitUrl);
  } catch {
    return undefined;
  }
  const protocols: Record<string, string> = { 'wss:': 'https:', 'https:': 'https:', 'ws:': 'http:', 'http:': 'http:' };
  const protocol = protocols[url.protocol];
  if (!protocol) return undefined;
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return `${protocol}//${url.host}${path}`;
}

/** True when the LiveKit server at `livekitUrl` gives a successful answer within `timeoutMs`. */
export async function livekitAnswers(livekitUrl: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  const url = livekitHealthUrl(livekitUrl);
  if (!url) return false;
  try {
    const response = await fetch(url, { cache: 'no-store', credentials: 'omit', redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}
