// The indicator's pages as the build writes them (share-indicator-page.ts, plus
// resources/share-indicator.css): served by the app protocol at the URL the window loads, in the
// user's language, and loadable under the app's Content-Security-Policy as they are.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languages } from '../../../common/languages';
import { answerAppRequest } from '../../app-protocol';
import { mainT } from '../../i18n/main-i18n';
import { APP_ORIGIN } from '../../security/app-origin';
import { contentSecurityPolicy } from '../../security/content-security-policy';
import { isStopNavigation, shareIndicatorUrlFor, stopFragment } from './share-indicator';
import { SHARE_INDICATOR_STYLESHEET, shareIndicatorFileName, shareIndicatorPage, shareIndicatorPages } from './share-indicator-page';

const resources = resolve(__dirname, '../../../resources');
const policy = contentSecurityPolicy({
  profile: { apiBaseUrl: 'https://visio.example.gouv.fr/api/v1.0/', livekitUrl: 'wss://livekit.visio.example.gouv.fr' },
});

describe('share indicator pages', () => {
  let rendererFolder = '';
  let css = '';
  const files: string[] = [];

  beforeAll(async () => {
    rendererFolder = await mkdtemp(join(tmpdir(), 'visio-renderer-'));
    for (const [file, html] of shareIndicatorPages()) {
      await writeFile(join(rendererFolder, file), html);
      files.push(file);
    }
    await copyFile(join(resources, SHARE_INDICATOR_STYLESHEET), join(rendererFolder, SHARE_INDICATOR_STYLESHEET));
    files.push(SHARE_INDICATOR_STYLESHEET);
    css = await readFile(join(resources, SHARE_INDICATOR_STYLESHEET), 'utf8');
  });
  afterAll(() => rm(rendererFolder, { recursive: true, force: true }));

  it.each(languages)('in %s, is served by the app protocol at the URL the window loads, with its stylesheet', async (language) => {
    const fileSystem = { isFile: async (path: string) => files.some((file) => path === join(rendererFolder, file)) };
    const url = shareIndicatorUrlFor(APP_ORIGIN, language);
    const page = await answerAppRequest({ url, method: 'GET' }, rendererFolder, fileSystem, () => policy);
    expect(page).toMatchObject({ status: 200, path: join(rendererFolder, shareIndicatorFileName(language)) });
    expect(page.headers['Content-Type']).toMatch(/^text\/html/);
    expect(page.headers['Content-Security-Policy']).toBe(policy);

    const html = await readFile(join(rendererFolder, shareIndicatorFileName(language)), 'utf8');
    const stylesheetHref = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
    expect(stylesheetHref).toBe(SHARE_INDICATOR_STYLESHEET);
    const stylesheet = await answerAppRequest({ url: new URL(stylesheetHref!, url).href, method: 'GET' }, rendererFolder, fileSystem, () => policy);
    expect(stylesheet).toMatchObject({ status: 200, path: join(rendererFolder, SHARE_INDICATOR_STYLESHEET) });
    expect(stylesheet.headers['Content-Type']).toMatch(/^text\/css/);
  });

  it.each(languages)('in %s, says what it is and what Stop does in that language only', (language) => {
    const html = shareIndicatorPage(language);
    const t = mainT(language);
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).toContain(`<title>${t('shareIndicator.title')}</title>`);
    expect(html).toContain(`<span class="label" role="status">${t('shareIndicator.label')}</span>`);
    expect(html).toContain(`>${t('shareIndicator.stop')}</a>`);
    for (const other of languages.filter((candidate) => candidate !== language)) {
      const theirs = mainT(other)('shareIndicator.label');
      if (theirs !== t('shareIndicator.label')) expect(html).not.toContain(theirs);
    }
  });

  it.each(languages)('in %s, needs nothing the policy refuses: no script, no inline style, nothing from elsewhere', (language) => {
    const html = shareIndicatorPage(language);
    expect(policy).toContain("style-src 'self';");
    expect(policy).toContain("script-src 'self'");
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="(?!share-indicator\.css"|#)/i);
    expect(css).not.toMatch(/url\(|@import/i);
  });

  it('has one Stop link, the in-page navigation the main process watches', () => {
    const html = shareIndicatorPage('fr');
    const links = [...html.matchAll(/<a [^>]*href="([^"]+)"/g)].map((match) => match[1]);
    expect(links).toEqual([stopFragment]);
    expect(isStopNavigation(new URL(stopFragment, shareIndicatorUrlFor(APP_ORIGIN, 'fr')).href)).toBe(true);
  });
});
