// The built interface fetches nothing from outside the app: no remote font, stylesheet, script or
// model. Run after the build (`npm test` builds first): every absolute URL in the bundle must be
// one of the identifiers below, which libraries carry as text and never fetch.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const bundleFolder = join(__dirname, '..', 'dist', 'renderer');

/** Absolute URLs that are names, not resources: namespaces, schema ids, links in error messages. */
const identifierPrefixes = [
  'http://www.w3.org/', // SVG/XHTML/MathML namespaces
  'https://react.dev/', // links in React's error messages
  'http://json-schema.org/', // JSON Schema `$schema` identifiers in zod
  'https://json-schema.org/',
  'https://www.i18next.com/', // links in i18next's warnings
  'https://locize.com', // i18next's console notice
  'https://aomediacodec.github.io/av1-rtp-spec/', // the AV1 RTP header extension's URI
];

function filesOf(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesOf(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

function bundleTexts(): { file: string; text: string }[] {
  if (!existsSync(join(bundleFolder, 'index.html'))) throw new Error('dist/renderer is missing: run `node build/scripts/build.mjs` first');
  return filesOf(bundleFolder)
    .filter((file) => /\.(js|mjs|css|html)$/.test(file))
    .map((file) => ({ file: relative(bundleFolder, file), text: readFileSync(file, 'utf8') }));
}

/** A URL whose host is interpolated at run time (`https://${host}`) names no fixed host. */
const interpolatedHost = /^[a-z]+:\/\/\[?\$\{/;

/** Absolute network URLs with a fixed host in a text, apart from the known identifiers. */
function unexpectedUrls(text: string): string[] {
  const found = text.match(/\b(?:https?|wss?):\/\/[^\s"'`)\\<>]+/g) ?? [];
  return [...new Set(found)].filter(
    (url) => !interpolatedHost.test(url) && !identifierPrefixes.some((prefix) => url.startsWith(prefix)),
  );
}

describe('the built interface', () => {
  it('names no remote resource in its scripts, styles or pages', () => {
    const findings = bundleTexts().flatMap(({ file, text }) => unexpectedUrls(text).map((url) => `${file}: ${url}`));
    expect(findings).toEqual([]);
  });

  it('loads fonts and images in its styles from the app only', () => {
    for (const { file, text } of bundleTexts().filter(({ file }) => file.endsWith('.css'))) {
      for (const match of text.matchAll(/url\(\s*['"]?([^'")]+)/g)) {
        expect(match[1], file).toMatch(/^(?:data:|\/|\.{0,2}\/|[\w-]+\.)/);
        expect(match[1], file).not.toMatch(/^\/\//);
      }
      expect(text, file).not.toMatch(/@import\s+(?:url\()?['"]?(?:https?:)?\/\//);
    }
  });

  it('would see a CDN font if one were added', () => {
    expect(unexpectedUrls('@font-face{src:url(https://fonts.gstatic.com/s/marianne.woff2)}')).toEqual([
      'https://fonts.gstatic.com/s/marianne.woff2',
    ]);
    expect(unexpectedUrls('fetch("https://storage.googleapis.com/mediapipe-models/selfie.tflite")')).toHaveLength(1);
    expect(unexpectedUrls('createElementNS("http://www.w3.org/2000/svg","svg")')).toEqual([]);
    expect(unexpectedUrls('const url = `https://${host}/rtc`')).toEqual([]);
  });
});
