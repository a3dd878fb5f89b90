import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, livekitOrigins } from './content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split('; ').map((directive) => {
      const [name = '', ...sources] = directive.split(' ');
      return [name, sources];
    }),
  );
}

describe('content security policy', () => {
  const policy = directives(
    contentSecurityPolicy({
      profile: { apiBaseUrl: 'https://visio.numerique.gouv.fr/api/v1.0/', livekitUrl: 'wss://livekit.visio.gouv.fr' },
    }),
  );

  it('loads scripts, fonts and everything else from our origin only', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('font-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('media-src')).toEqual(["'self'", 'blob:']);
  });

  it('lets background blur run its bundled WebAssembly and its frame timer worker, and nothing remote', () => {
    // MediaPipe compiles the app's own .wasm ('wasm-unsafe-eval', not 'unsafe-eval') and fetches
    // its model from the app ('self'); the processor's fallback ticks from a blob: worker.
    expect(policy.get('script-src')).toContain("'wasm-unsafe-eval'");
    expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(policy.get('connect-src')).toContain("'self'");
  });

  it('connects only to the API and LiveKit', () => {
    expect(policy.get('connect-src')).toEqual([
      "'self'",
      'https://visio.numerique.gouv.fr',
      'wss://livekit.visio.gouv.fr',
      'https://livekit.visio.gouv.fr',
    ]);
  });

  it('closes objects, base, framing and forms', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
  });

  it('never allows eval or any host wildcard', () => {
    const text = [...policy.values()].flat();
    expect(text).not.toContain("'unsafe-eval'");
    expect(text.some((source) => source.includes('*'))).toBe(false);
  });

  it('adds LiveKit URLs learned at run time and inline styles only on request', () => {
    const extended = directives(
      contentSecurityPolicy({
        profile: { apiBaseUrl: 'http://127.0.0.1:8071/api/v1.0/' },
        extraLivekitUrls: ['ws://127.0.0.1:7880'],
        allowInlineStyles: true,
      }),
    );
    expect(extended.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:8071', 'ws://127.0.0.1:7880', 'http://127.0.0.1:7880']);
    expect(extended.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('ignores LiveKit URLs of another scheme', () => {
    expect(livekitOrigins('file:///etc/passwd')).toEqual([]);
    expect(livekitOrigins('not a url')).toEqual([]);
  });
});
