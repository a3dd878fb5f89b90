// The indicator's page as shipped (resources/share-indicator.html + .css, copied into the
// renderer folder by build/scripts/build.mjs): served by the app protocol at the URL the window
// loads, and loadable under the app's Content-Security-Policy as it is.
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAppRequest } from '../../app-protocol';
import { APP_ORIGIN } from '../../security/app-origin';
import { contentSecurityPolicy } from '../../security/content-security-policy';
import { isStopNavigation, shareIndicatorUrlFor, stopFragment } from './share-indicator';

const resources = resolve(__dirname, '../../../resources');
const files = ['share-indicator.html', 'share-indicator.css'];
const policy = contentSecurityPolicy({
  profile: { apiBaseUrl: 'https://visio.example.gouv.fr/api/v1.0/', livekitUrl: 'wss://livekit.visio.example.gouv.fr' },
});

describe('share indicator page', () => {
  let rendererFolder = '';
  let html = '';
  let css = '';

  beforeAll(async () => {
    rendererFolder = await mkdtemp(join(tmpdir(), 'visio-renderer-'));
    for (const file of files) await copyFile(join(resources, file), join(rendererFolder, file));
    html = await readFile(join(resources, 'share-indicator.html'), 'utf8');
    css = await readFile(join(resources, 'share-indicator.css'), 'utf8');
  });
  afterAll(() => rm(rendererFolder, { recursive: true, force: true }));

  it('is served by the app protocol at the URL the window loads, with its stylesheet', async () => {
    const fileSystem = { isFile: async (path: string) => files.some((file) => path === join(rendererFolder, file)) };
    const page = await answerAppRequest({ url: shareIndicatorUrlFor(APP_ORIGIN), method: 'GET' }, rendererFolder, fileSystem, () => policy);
    expect(page).toMatchObject({ status: 200, path: join(rendererFolder, 'share-indicator.html') });
    expect(page.headers['Content-Type']).toMatch(/^text\/html/);
    expect(page.headers['Content-Security-Policy']).toBe(policy);

    const stylesheetHref = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
    expect(stylesheetHref).toBe('share-indicator.css');
    const stylesheetUrl = new URL(stylesheetHref!, shareIndicatorUrlFor(APP_ORIGIN)).href;
    const stylesheet = await answerAppRequest({ url: stylesheetUrl, method: 'GET' }, rendererFolder, fileSystem, () => policy);
    expect(stylesheet).toMatchObject({ status: 200, path: join(rendererFolder, 'share-indicator.css') });
    expect(stylesheet.headers['Content-Type']).toMatch(/^text\/css/);
  });

  it('needs nothing the policy refuses: no script, no inline style, nothing from elsewhere', () => {
    expect(policy).toContain("style-src 'self';");
    expect(policy).toContain("script-src 'self'");
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="(?!share-indicator\.css"|#)/i);
    expect(css).not.toMatch(/url\(|@import/i);
  });

  it('has one Stop link, the in-page navigation the main process watches', () => {
    const links = [...html.matchAll(/<a [^>]*href="([^"]+)"/g)].map((match) => match[1]);
    expect(links).toEqual([stopFragment]);
    expect(isStopNavigation(new URL(stopFragment, shareIndicatorUrlFor(APP_ORIGIN)).href)).toBe(true);
  });
});
