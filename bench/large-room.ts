// A room at LaSuite Meet's limit: 150 participants, the app being one of them. 149 bots join, all
// held by one Go process (bench/crowd, LiveKit's Go SDK): 25 publish a camera (simulcast, clips
// encoded once) and a few speakers take the floor in turn, while the rest publish a microphone they
// keep muted, as in a large meeting where most people are muted. The app joins through the prejoin with its own camera and microphone on,
// then, for BENCH_SECONDS (600: ten minutes) in each layout (grid, then speaker), it is used the
// way a person uses it (panels opened and closed from the keyboard, the microphone toggled) while
// the benchmark reads: the time from each key press to the next frame (p95), the renderer's CPU,
// the video and audio received, the memory kept over the window, and what the screen shows.
import './production-logging';
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import { clickJoin, fillName, openPrejoin, startBenchStack, waitForPrejoinPreview, waitInCall, type BenchStack } from './bench-stack';
import { CROWD_PROGRAM_PATH, joinCrowdBots, type CrowdBots, type CrowdMember } from './crowd-bots';
import { crowdMedia } from './crowd-media';
import { describeGrid } from './grid-load';
import {
  gridState,
  inboundAudioBytes,
  inboundVideoCounters,
  INPUT_LATENCY_RECORDER,
  PEER_CONNECTION_RECORDER,
  retainedJsHeapBytes,
  takeInputLatencies,
  videoReceptionBetween,
  type GridState,
  type VideoReception,
} from './page-probes';
import { chromiumCpuSnapshot, livekitCpuSeconds, loadAverage, machineCpuTicks, ownCpuSeconds, programCpuSeconds, residentBytes } from './process-cpu';
import { environmentCount, formatMegabytes, formatMilliseconds, formatPercent, percentile, printTable } from './statistics';
import { runWhenStartedDirectly } from './run-directly';

export const INPUT_LATENCY_P95_TARGET_MS = 100;
export const RENDERER_CPU_TARGET_PERCENT = 100;
export const RECEIVED_VIDEO_TARGET_KBPS = 6_000;

type Layout = 'grid' | 'speaker';

interface LargeRoomOptions {
  participants: number;
  cameras: number;
  speakers: number;
  turnSeconds: number;
  seconds: number;
  publisherFps: number;
  layouts: Layout[];
  /** Seconds between two interactions with the app. */
  interactionSeconds: number;
}

function optionsFromEnvironment(): LargeRoomOptions {
  const layouts = (process.env.BENCH_LAYOUTS ?? 'grid,speaker').split(',').map((layout) => layout.trim());
  for (const layout of layouts) if (layout !== 'grid' && layout !== 'speaker') throw new Error(`BENCH_LAYOUTS: unknown layout "${layout}".`);
  return {
    participants: environmentCount('BENCH_PARTICIPANTS', 150),
    cameras: environmentCount('BENCH_CAMERAS', 25),
    speakers: environmentCount('BENCH_SPEAKERS', 4),
    turnSeconds: environmentCount('BENCH_TURN_SECONDS', 8),
    seconds: environmentCount('BENCH_SECONDS', 600),
    publisherFps: environmentCount('BENCH_PUBLISHER_FPS', 10),
    layouts: layouts as Layout[],
    interactionSeconds: environmentCount('BENCH_INTERACTION_SECONDS', 3),
  };
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
const SETTLE_TIMEOUT_MS = 180_000;
const SPEAKING_AMPLITUDE = 3_000;
const QUIET_AMPLITUDE = 20;

const crowdNumber = (index: number) => String(index).padStart(3, '0');
/** Participants joining at once (bench/crowd). */
const CROWD_CONCURRENCY = 4;

interface Crowd {
  bots: CrowdBots;
  stopTurns(): void;
}

/**
 * The bots, in one Go process: the first `cameras` publish a camera, the first `speakers` a voice
 * (they take the floor in turn), the others a muted microphone.
 */
async function joinCrowd(stack: BenchStack, options: LargeRoomOptions): Promise<Crowd> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  const botCount = options.participants - 1;
  const members: CrowdMember[] = Array.from({ length: botCount }, (_, offset) => {
    const number = crowdNumber(offset + 1);
    return { identity: `crowd-${number}`, name: `Participant ${number}`, camera: offset < options.cameras, speaker: offset < options.speakers };
  });
  const media = options.cameras > 0 || options.speakers > 0 ? await crowdMedia(options.publisherFps, SPEAKING_AMPLITUDE, QUIET_AMPLITUDE) : undefined;
  const bots = await joinCrowdBots(stack.devstack, stack.room.id, members, {
    concurrency: CROWD_CONCURRENCY,
    media,
    onJoined: (count) => {
      if (count % 20 === 0) console.log(`  ${count} bots joined after ${elapsed()}`);
    },
  });
  const speakers = members.filter((member) => member.speaker);
  let turn = 0;
  const takeTurn = () => {
    bots.giveFloor(speakers[turn % Math.max(1, speakers.length)]?.identity);
    turn += 1;
  };
  takeTurn();
  const timer = setInterval(takeTurn, options.turnSeconds * 1000);
  return { bots, stopTurns: () => clearInterval(timer) };
}

/** Waits until what the screen shows stops changing for 5 s (tiles, playing videos, pager). */
async function waitForSettledScreen(page: Page): Promise<GridState> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let previous = '';
  let stableSince = Date.now();
  for (;;) {
    const state = await gridState(page);
    const key = describeGrid(state);
    if (key !== previous) {
      previous = key;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= 5_000 && state.remoteTiles > 0) {
      return state;
    }
    if (Date.now() > deadline) {
      console.log(`  screen still changing after ${SETTLE_TIMEOUT_MS / 1000} s: ${key}`);
      return state;
    }
    await sleep(1_000);
  }
}

/** What a person does in a long meeting, in order, one step per interaction. */
const INTERACTIONS: readonly { keys: string; what: string }[] = [
  { keys: 'Control+Shift+P', what: 'participants panel open' },
  { keys: 'Control+Shift+P', what: 'participants panel closed' },
  { keys: 'Control+Shift+M', what: 'chat open' },
  { keys: 'Control+Shift+M', what: 'chat closed' },
  { keys: 'Control+D', what: 'microphone off' },
  { keys: 'Control+D', what: 'microphone on' },
];

interface LayoutRun {
  layout: Layout;
  seconds: number;
  screen: GridState;
  participantsSeen: number;
  interactions: number;
  latencyP50: number;
  latencyP95: number;
  latencyMax: number;
  /** The same by interaction: which one is slow. */
  latencyByStep: { what: string; p50: number; p95: number }[];
  rendererCpu: number;
  gpuCpu: number;
  botsCpu: number;
  livekitCpu: number;
  machineBusy: number;
  video: VideoReception;
  audioKilobitsPerSecond: number;
  heapStart: number;
  heapEnd: number;
  rendererResidentStart: number;
  rendererResidentEnd: number;
}

/** How many people the participants panel lists (every one the page's room knows). */
async function participantsSeen(page: Page): Promise<number> {
  await page.keyboard.press('Control+Shift+P');
  const rows = page.locator('.people__item[data-participant-identity]');
  await rows.first().waitFor({ state: 'visible', timeout: SETTLE_TIMEOUT_MS });
  // The list grows while the room's participants are read in: count once it holds still for 2 s.
  let count = await rows.count();
  for (let stableSince = Date.now(); Date.now() - stableSince < 2_000; ) {
    await sleep(500);
    const now = await rows.count();
    if (now !== count) [count, stableSince] = [now, Date.now()];
  }
  await page.keyboard.press('Control+Shift+P');
  return count;
}

/** CPU seconds of the bots (bench/crowd) and of this driver. */
const botsCpuSeconds = () => ownCpuSeconds() + programCpuSeconds(CROWD_PROGRAM_PATH);

async function measureLayout(stack: BenchStack, options: LargeRoomOptions, layout: Layout): Promise<LayoutRun> {
  const participant = await openPrejoin(stack, async (page) => {
    await page.addInitScript({ content: PEER_CONNECTION_RECORDER });
    await page.addInitScript({ content: INPUT_LATENCY_RECORDER });
    await page.addInitScript({ content: `localStorage.setItem('visio.layout', ${JSON.stringify(layout)});` });
  });
  try {
    const { page } = participant;
    await fillName(page, 'Mesure grande salle');
    await waitForPrejoinPreview(page);
    await clickJoin(page);
    await waitInCall(page);
    const settled = await waitForSettledScreen(page);
    console.log(`  ${layout}: settled on ${describeGrid(settled)}`);
    const seen = await participantsSeen(page);
    await takeInputLatencies(page);

    const session: CDPSession = await page.context().newCDPSession(page);
    await session.send('Performance.enable');
    const heapStart = await retainedJsHeapBytes(session);
    const chromiumStart = chromiumCpuSnapshot();
    const rendererResidentStart = residentBytes(chromiumStart.rendererPids);
    const videoStart = await inboundVideoCounters(page);
    const audioStart = await inboundAudioBytes(page);
    const botsStart = botsCpuSeconds();
    const livekitStart = livekitCpuSeconds();
    const machineStart = machineCpuTicks();
    const startedAt = performance.now();

    // BENCH_CPU_PROFILE=<file>: the page's JavaScript profile over the window's first 30 s, for DevTools.
    const profilePath = process.env.BENCH_CPU_PROFILE;
    if (profilePath) {
      await session.send('Profiler.enable');
      await session.send('Profiler.start');
      setTimeout(() => {
        void session
          .send('Profiler.stop')
          .then(({ profile }) => writeFileSync(profilePath, JSON.stringify(profile)))
          .catch((error: unknown) => console.log(`  profile not saved: ${String(error)}`));
      }, Math.min(30, options.seconds) * 1000);
    }
    let interactions = 0;
    const latencies: number[] = [];
    const latenciesByStep = new Map<string, number[]>(INTERACTIONS.map((step) => [step.what, []]));
    while (performance.now() - startedAt < options.seconds * 1000) {
      const step = INTERACTIONS[interactions % INTERACTIONS.length];
      if (step) await page.keyboard.press(step.keys);
      interactions += 1;
      await sleep(options.interactionSeconds * 1000);
      const measured = (await takeInputLatencies(page)).filter((entry) => entry.type === 'keydown').map((entry) => entry.milliseconds);
      latencies.push(...measured);
      if (step) latenciesByStep.get(step.what)?.push(...measured);
    }
    // An odd number of steps would leave a panel open or the microphone off: finish the cycle.
    while (interactions % INTERACTIONS.length !== 0) {
      const step = INTERACTIONS[interactions % INTERACTIONS.length];
      if (step) await page.keyboard.press(step.keys);
      interactions += 1;
    }

    const seconds = (performance.now() - startedAt) / 1000;
    const chromiumEnd = chromiumCpuSnapshot();
    const botsEnd = botsCpuSeconds();
    const livekitEnd = livekitCpuSeconds();
    const machineEnd = machineCpuTicks();
    const videoEnd = await inboundVideoCounters(page);
    const audioEnd = await inboundAudioBytes(page);
    // The last steps just closed a panel: the tiles it had pushed off the page are back, their
    // videos arriving. What the screen shows is read once it is still.
    const screen = await waitForSettledScreen(page);
    const rendererResidentEnd = residentBytes(chromiumEnd.rendererPids);
    const heapEnd = await retainedJsHeapBytes(session);
    await session.detach();

    const percentOfCore = (used: number) => (100 * used) / seconds;
    return {
      layout,
      seconds,
      screen,
      participantsSeen: seen,
      interactions: latencies.length,
      latencyP50: percentile(latencies, 0.5),
      latencyP95: percentile(latencies, 0.95),
      latencyMax: percentile(latencies, 1),
      latencyByStep: [...latenciesByStep].map(([what, measured]) => ({ what, p50: percentile(measured, 0.5), p95: percentile(measured, 0.95) })),
      rendererCpu: percentOfCore(chromiumEnd.renderer - chromiumStart.renderer),
      gpuCpu: percentOfCore(chromiumEnd.gpu - chromiumStart.gpu),
      botsCpu: percentOfCore(botsEnd - botsStart),
      livekitCpu: percentOfCore(livekitEnd - livekitStart),
      machineBusy: (100 * (machineEnd.busy - machineStart.busy)) / Math.max(1, machineEnd.total - machineStart.total),
      video: videoReceptionBetween(videoStart, videoEnd, seconds),
      audioKilobitsPerSecond: ((audioEnd - audioStart) * 8) / 1000 / seconds,
      heapStart,
      heapEnd,
      rendererResidentStart,
      rendererResidentEnd,
    };
  } finally {
    await participant.close();
  }
}

function printRun(run: LayoutRun): void {
  const growth = (start: number, end: number) => `${formatMegabytes(start)} -> ${formatMegabytes(end)} (${end >= start ? '+' : ''}${formatPercent((100 * (end - start)) / start)})`;
  console.log(`  ${run.layout}: ${run.seconds.toFixed(0)} s; screen: ${describeGrid(run.screen)}; participants panel rows: ${run.participantsSeen}`);
  console.log(
    `    key press -> next frame over ${run.interactions} presses: p50 ${formatMilliseconds(run.latencyP50)}, p95 ${formatMilliseconds(run.latencyP95)}, max ${formatMilliseconds(run.latencyMax)}`,
  );
  console.log(`    by key press (p50 / p95): ${run.latencyByStep.map((step) => `${step.what} ${formatMilliseconds(step.p50)} / ${formatMilliseconds(step.p95)}`).join('; ')}`);
  console.log(
    `    renderer CPU ${formatPercent(run.rendererCpu)} of one core; GPU process ${formatPercent(run.gpuCpu)}; bots ${formatPercent(run.botsCpu)}, ` +
      `LiveKit ${formatPercent(run.livekitCpu)}; machine busy ${formatPercent(run.machineBusy)} of all cores`,
  );
  console.log(
    `    received: video ${Math.round(run.video.kilobitsPerSecond)} kbit/s over ${run.video.activeStreams} streams decoding ` +
      `(${run.video.activeHiddenStreams} shown by no <video>, ${run.video.decodedFramesPerSecond.toFixed(1)} frames/s), audio ${Math.round(run.audioKilobitsPerSecond)} kbit/s`,
  );
  console.log(`    JS heap after GC ${growth(run.heapStart, run.heapEnd)}; renderer resident memory ${growth(run.rendererResidentStart, run.rendererResidentEnd)}`);
}

export async function benchLargeRoom(options: LargeRoomOptions = optionsFromEnvironment()): Promise<LayoutRun[]> {
  console.log(
    `large-room: ${options.participants} participants (${options.participants - 1} bots: ${options.cameras} cameras at ${options.publisherFps} fps, ` +
      `${options.speakers} speakers taking turns every ${options.turnSeconds} s, the others' microphones silent), ` +
      `${options.seconds} s per layout (${options.layouts.join(', ')}), load average ${loadAverage()}`,
  );
  const stack = await startBenchStack();
  const runs: LayoutRun[] = [];
  try {
    const joinStarted = performance.now();
    const crowd = await joinCrowd(stack, options);
    console.log(`  ${crowd.bots.joined} bots in the room after ${((performance.now() - joinStarted) / 1000).toFixed(1)} s`);
    try {
      for (const layout of options.layouts) {
        const run = await measureLayout(stack, options, layout);
        printRun(run);
        runs.push(run);
      }
    } finally {
      crowd.stopTurns();
      await crowd.bots.stop();
    }
  } finally {
    await stack.stop();
  }
  const verdict = (value: number, target: number) => (Number.isFinite(value) ? (value <= target ? 'met' : 'MISSED') : 'no figure');
  printTable(
    ['Layout', 'p95 key -> frame', 'Renderer CPU', 'Video received', 'Heap growth', 'Targets'],
    runs.map((run) => [
      run.layout,
      formatMilliseconds(run.latencyP95),
      `${formatPercent(run.rendererCpu)} of one core`,
      `${Math.round(run.video.kilobitsPerSecond)} kbit/s`,
      formatPercent((100 * (run.heapEnd - run.heapStart)) / run.heapStart),
      [
        `p95 < ${INPUT_LATENCY_P95_TARGET_MS} ms ${verdict(run.latencyP95, INPUT_LATENCY_P95_TARGET_MS)}`,
        `CPU < 1 core ${verdict(run.rendererCpu, RENDERER_CPU_TARGET_PERCENT)}`,
        `video <= 6 Mbit/s ${verdict(run.video.kilobitsPerSecond, RECEIVED_VIDEO_TARGET_KBPS)}`,
      ].join(', '),
    ]),
  );
  return runs;
}

runWhenStartedDirectly(import.meta.url, benchLargeRoom);
