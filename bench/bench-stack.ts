// What every benchmark stands on: the devstack serving the built web app, a public room created
// through the real API, bot publishers, and Chromium browsers that enter the room the way a person
// does (prejoin, name, "Rejoindre la réunion").
import type { Browser, Page } from '@playwright/test';
import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RegisteredRoom } from '../common/meet-types';
import { Bot } from '../devstack/bot';
import { startDevstack, type Devstack } from '../devstack/index';
import { launchChromium } from '../e2e/browser';
import { createRoom } from '../e2e/rooms';

export const JOIN_BUTTON_LABEL = 'Rejoindre la réunion';

export interface BenchStack {
  devstack: Devstack;
  room: RegisteredRoom;
  stop(): Promise<void>;
}

/** `webRoot`: the built app to serve, by default BENCH_WEB_ROOT, else dist/renderer. */
export async function startBenchStack(webRoot = process.env.BENCH_WEB_ROOT ?? join(process.cwd(), 'dist', 'renderer')): Promise<BenchStack> {
  // BENCH_WEB_ROOT pins a build of its own, out of reach of rebuilds made while a benchmark runs.
  if (!existsSync(join(webRoot, 'index.html'))) {
    throw new Error(`${webRoot} holds no built app: run \`node build/scripts/build.mjs\` (or \`npm run build:renderer\`) first.`);
  }
  const devstack = await startDevstack({ webRoot });
  try {
    const room = await createRoom(devstack, 'public');
    return { devstack, room, stop: () => devstack.stop() };
  } catch (error) {
    await devstack.stop();
    throw error;
  }
}

export interface PublisherOptions {
  count: number;
  fps: number;
  withAudio?: boolean;
}

/** Bots that publish a synthetic 640×360 camera; joined one after the other to spare the server a burst. */
export async function startPublishers(stack: BenchStack, options: PublisherOptions): Promise<Bot[]> {
  const bots: Bot[] = [];
  try {
    for (let index = 1; index <= options.count; index += 1) {
      const number = String(index).padStart(2, '0');
      const bot = await Bot.join(stack.devstack, { room: stack.room.id, identity: `bench-publisher-${number}`, name: `Participant ${number}` });
      bots.push(bot);
      await bot.publishVideo({ width: 640, height: 360, fps: options.fps });
      if (options.withAudio) await bot.publishAudio();
    }
    return bots;
  } catch (error) {
    await stopPublishers(bots);
    throw error;
  }
}

export async function stopPublishers(bots: readonly Bot[]): Promise<void> {
  await Promise.allSettled(bots.map((bot) => bot.disconnect()));
}

export interface BrowserParticipant {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** livekit-client's loggers, whose level `BENCH_LIVEKIT_LOG_LEVEL` sets in the page (with `BENCH_PAGE_LOG`). */
const LIVEKIT_LOGGERS = ['livekit', 'livekit-room', 'livekit-participant', 'livekit-engine', 'livekit-signal', 'livekit-pc-manager', 'livekit-pc-transport'];

/**
 * With `BENCH_PAGE_LOG` set, appends the page's console (livekit-client's log among it) to that
 * file, one timestamped line per message, each marked `label` when given, to read a run afterwards.
 * Call before the page loads the app.
 */
export async function recordPageLog(page: Page, label?: string): Promise<void> {
  const pageLog = process.env.BENCH_PAGE_LOG;
  if (!pageLog) return;
  const mark = label ? ` [${label}]` : '';
  page.on('console', (message) => appendFileSync(pageLog, `${new Date().toISOString()}${mark} ${message.type()} ${message.text()}\n`));
  // livekit-client's loggers read a level saved in localStorage ("loglevel:<name>") before their default.
  const level = process.env.BENCH_LIVEKIT_LOG_LEVEL?.toUpperCase();
  if (level) await page.addInitScript({ content: `for (const name of ${JSON.stringify(LIVEKIT_LOGGERS)}) localStorage.setItem('loglevel:' + name, ${JSON.stringify(level)});` });
}

/** Marks a moment of the bench itself (a fault) in the `BENCH_PAGE_LOG` file, if any. */
export function notePageLog(text: string): void {
  const pageLog = process.env.BENCH_PAGE_LOG;
  if (pageLog) appendFileSync(pageLog, `${new Date().toISOString()} [bench] ${text}\n`);
}

/**
 * The page's size: the app window's default (main/security/window-options.ts, 1280 × 800, a grid
 * of 5 × 5 tiles that a side panel brings to 4 × 4), or `BENCH_VIEWPORT` (`1920x1080`, a full-HD
 * screen, where the grid stays at 5 × 5 beside a panel).
 */
function benchViewport(): { width: number; height: number } {
  const asked = process.env.BENCH_VIEWPORT;
  if (!asked) return { width: 1280, height: 800 };
  const match = /^(\d{3,4})x(\d{3,4})$/.exec(asked);
  if (!match) throw new Error(`BENCH_VIEWPORT: "${asked}" is not WIDTHxHEIGHT (e.g. 1920x1080).`);
  return { width: Number(match[1]), height: Number(match[2]) };
}

/**
 * A fresh Chromium (own profile, fake camera and microphone) on the room's prejoin screen;
 * `browserArgs` are added to the usual flags (e.g. `--disable-gpu`).
 */
export async function openPrejoin(stack: BenchStack, prepare?: (page: Page) => Promise<unknown>, browserArgs: string[] = []): Promise<BrowserParticipant> {
  const browser = await launchChromium({ args: browserArgs });
  try {
    const context = await browser.newContext({ locale: 'fr-FR', permissions: ['camera', 'microphone'], viewport: benchViewport() });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`  [page error] ${error.message}`));
    await recordPageLog(page);
    await prepare?.(page);
    await page.goto(`${stack.devstack.origin}/${stack.room.slug}`);
    await page.getByLabel('Votre nom').waitFor({ state: 'visible', timeout: 30_000 });
    // Leaving the page first lets livekit-client say goodbye: otherwise the server keeps the
    // participant for a while and the next run counts one tile too many.
    const close = async () => {
      await page.close({ runBeforeUnload: true }).catch(() => undefined);
      if (!page.isClosed()) await page.waitForEvent('close', { timeout: 5_000 }).catch(() => undefined);
      await browser.close().catch(() => undefined);
    };
    return { browser, page, close };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

/** Waits until the prejoin camera preview plays, so the join starts from a settled screen. */
export async function waitForPrejoinPreview(page: Page): Promise<void> {
  await page
    .waitForFunction(() => [...document.querySelectorAll('video')].some((video) => video.videoWidth > 0), undefined, { timeout: 10_000 })
    .catch(() => undefined); // no preview (camera off or missing) is fine: the join still works
}

export async function fillName(page: Page, name: string): Promise<void> {
  await page.getByLabel('Votre nom').fill(name);
}

export function clickJoin(page: Page): Promise<void> {
  return page.getByRole('button', { name: JOIN_BUTTON_LABEL }).click();
}

export async function waitInCall(page: Page): Promise<void> {
  await page.getByTestId('call').waitFor({ state: 'visible', timeout: 30_000 });
}
