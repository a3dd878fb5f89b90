// The Content-Security-Policy of our interface, built from the active profile: the renderer may
// load only what the app ships, and connect only to the instance's API and its LiveKit server.
import type { Profile } from '../../common/profile';

/** The origins a LiveKit URL needs: its WebSocket (signalling) and HTTP (validation) forms. */
export function livekitOrigins(livekitUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(livekitUrl);
  } catch {
    return [];
  }
  const secure = url.protocol === 'wss:' || url.protocol === 'https:';
  const insecure = url.protocol === 'ws:' || url.protocol === 'http:';
  if (!secure && !insecure) return [];
  return secure ? [`wss://${url.host}`, `https://${url.host}`] : [`ws://${url.host}`, `http://${url.host}`];
}

export interface ContentSecurityPolicyInput {
  profile: Pick<Profile, 'apiBaseUrl' | 'livekitUrl'>;
  /** LiveKit URLs learned at run time (the API's `/config/`), added to the profile's. */
  extraLivekitUrls?: readonly string[];
  /**
   * Inline `<style>` and `style=""` markup. Off: React sets styles through the CSSOM, which the
   * policy does not restrict, and the bundled CSS is a file of our own origin.
   */
  allowInlineStyles?: boolean;
}

export function contentSecurityPolicy(input: ContentSecurityPolicyInput): string {
  const connect = new Set<string>(["'self'", new URL(input.profile.apiBaseUrl).origin]);
  const livekitUrls = [input.profile.livekitUrl, ...(input.extraLivekitUrls ?? [])];
  for (const livekitUrl of livekitUrls) {
    if (livekitUrl) for (const origin of livekitOrigins(livekitUrl)) connect.add(origin);
  }
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    // WebAssembly (noise suppression, background effects) compiles without allowing JS eval.
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    ['style-src', input.allowInlineStyles ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['media-src', ["'self'", 'blob:']],
    ['font-src', ["'self'"]],
    ['connect-src', [...connect]],
    ['worker-src', ["'self'", 'blob:']],
    ['frame-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
