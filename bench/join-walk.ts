// The walk from the click on "Rejoindre la réunion" to the first remote tile on screen: which of
// the app's modules run on the way, and how many times the page calls across the preload
// (`window.visio.invoke`: each one a renderer → main → renderer trip in the desktop app).
//
// How it counts: V8's precise coverage (function call counts, through the DevTools protocol) is
// reset just before the click and read once the bot's tile shows a video. Every function that ran
// in between is mapped back, through the build's source maps, to the source file it was written
// in; the figure is the number of distinct files of this repository (renderer/, common/), with the
// libraries' files counted apart. A module whose top-level code alone runs (a chunk loaded on the
// way) counts when one of its functions is called. Invokes are counted by a wrapper put around
// `window.visio` before the app loads. With BENCH_BASELINE_WEB_ROOT the same walk is counted on
// that build too.
import './production-logging';
import type { CDPSession, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { clickJoin, fillName, openPrejoin, startBenchStack, startPublishers, stopPublishers, waitForPrejoinPreview } from './bench-stack';
import { runWhenStartedDirectly } from './run-directly';

const PUBLISHER_IDENTITY = 'bench-publisher-01';
const TILE_TIMEOUT_MS = 30_000;

interface ScriptCoverage {
  url: string;
  functions: Array<{ functionName: string; ranges: Array<{ startOffset: number; endOffset: number; count: number }> }>;
}

export interface JoinWalk {
  appModules: string[];
  libraryModules: number;
  invokes: string[];
}

/** Runs in the page before the app: records every invoke's channel. */
const invokeRecorder = `(() => {
  const channels = [];
  window.__benchInvokes = channels;
  let api;
  Object.defineProperty(window, 'visio', {
    configurable: true,
    get: () => api,
    set: (value) => {
      api = { invoke: (channel, payload) => { channels.push(channel); return value.invoke(channel, payload); }, on: (event, listener) => value.on(event, listener) };
    },
  });
})();`;

function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = source.indexOf('\n'); index !== -1 && index < offset; index = source.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart };
}

/** The source files of `webRoot`'s scripts whose functions ran. */
function sourcesThatRan(webRoot: string, scripts: ScriptCoverage[]): Set<string> {
  const sources = new Set<string>();
  for (const script of scripts) {
    // Scripts of the page's own origin only (extensions, eval'd and inline scripts have no file).
    if (!script.url.startsWith('http')) continue;
    const path = new URL(script.url).pathname;
    if (!path.endsWith('.js')) continue;
    let code: string;
    let map: RawSourceMap;
    try {
      code = readFileSync(join(webRoot, path), 'utf8');
      map = JSON.parse(readFileSync(join(webRoot, `${path}.map`), 'utf8')) as RawSourceMap;
    } catch {
      continue;
    }
    const consumer = new SourceMapConsumer(map);
    for (const fn of script.functions) {
      const range = fn.ranges[0];
      // The script's own top level is not a function of any one module.
      if (!range || range.count === 0 || range.startOffset === 0) continue;
      const original = consumer.originalPositionFor(lineAndColumn(code, range.startOffset));
      // Named from the repository's root (renderer/…, common/…) whatever folder the build ran in.
      if (original.source) sources.add(original.source.replace(/^.*?(?=(renderer|common|node_modules)\/)/, ''));
    }
  }
  return sources;
}

async function startCoverage(page: Page): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  return session;
}

async function walkOnce(webRoot: string): Promise<JoinWalk> {
  const stack = await startBenchStack(webRoot);
  const bots = await startPublishers(stack, { count: 1, fps: 15 }).catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  const participant = await openPrejoin(stack, (page) => page.addInitScript({ content: invokeRecorder }));
  try {
    const { page } = participant;
    await fillName(page, 'Compte des modules');
    await waitForPrejoinPreview(page);
    const session = await startCoverage(page);
    // Taking the coverage resets the counters: what is read next ran after the click.
    await session.send('Profiler.takePreciseCoverage');
    const invokesBefore = await page.evaluate(() => (window as unknown as { __benchInvokes: string[] }).__benchInvokes.length);
    await clickJoin(page);
    await page
      .locator(`video[data-participant-identity="${PUBLISHER_IDENTITY}"]`)
      .waitFor({ state: 'visible', timeout: TILE_TIMEOUT_MS });
    const { result } = (await session.send('Profiler.takePreciseCoverage')) as { result: ScriptCoverage[] };
    const invokes = await page.evaluate((from) => (window as unknown as { __benchInvokes: string[] }).__benchInvokes.slice(from), invokesBefore);
    const sources = [...sourcesThatRan(webRoot, result)];
    const appModules = sources.filter((source) => !source.includes('node_modules/')).sort();
    return { appModules, libraryModules: sources.length - appModules.length, invokes };
  } finally {
    await participant.close();
    await stopPublishers(bots);
    await stack.stop();
  }
}

function report(label: string, walk: JoinWalk): void {
  const byChannel = new Map<string, number>();
  for (const channel of walk.invokes) byChannel.set(channel, (byChannel.get(channel) ?? 0) + 1);
  console.log(`join-walk${label}: ${walk.appModules.length} app modules, ${walk.libraryModules} library modules, ${walk.invokes.length} invokes across the preload`);
  console.log(`  invokes: ${[...byChannel].map(([channel, count]) => `${channel} × ${count}`).join(', ') || 'none'}`);
  console.log(`  app modules: ${walk.appModules.join(' ')}`);
}

export async function benchJoinWalk(): Promise<JoinWalk> {
  const webRoot = process.env.BENCH_WEB_ROOT ?? join(process.cwd(), 'dist', 'renderer');
  const baselineWebRoot = process.env.BENCH_BASELINE_WEB_ROOT;
  if (baselineWebRoot) report(' before', await walkOnce(baselineWebRoot));
  const walk = await walkOnce(webRoot);
  report(baselineWebRoot ? ' after' : '', walk);
  return walk;
}

runWhenStartedDirectly(import.meta.url, benchJoinWalk);
