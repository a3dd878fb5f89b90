// Background blur as sent: a browser joins with blur on (its saved preference) at 360p and at 720p,
// with Chromium's default graphics (WebGL drawn by SwiftShader on a machine without a GPU) and
// with `--disable-gpu`. A bot subscribes to its camera, so the server keeps every layer flowing.
// Over a window of BENCH_SECONDS, from getStats() of the page's peer connections: frames per
// second encoded and sent by the best outbound video layer, and its height; from /proc: the CPU
// time of the renderer processes (and of the GPU process, for context). Figures only.
import './production-logging';
import type { Page } from '@playwright/test';
import { Bot } from '../devstack/bot';
import { clickJoin, fillName, openPrejoin, startBenchStack, waitInCall, type BenchStack } from './bench-stack';
import { PEER_CONNECTION_RECORDER } from './page-probes';
import { measureCpuWindow } from './process-cpu';
import { environmentCount, formatPercent, median, printTable } from './statistics';

const RESOLUTIONS = ['360p', '720p'] as const;
type Resolution = (typeof RESOLUTIONS)[number];

const GRAPHICS = [
  { name: 'default (SwiftShader)', args: [] as string[] },
  { name: '--disable-gpu', args: ['--disable-gpu'] },
] as const;

interface OutboundLayer {
  framesEncoded: number;
  framesSent: number;
  frameHeight: number;
}

/** Every outbound video RTP stream of the page, keyed by connection and stats id. */
function outboundVideo(page: Page): Promise<Record<string, OutboundLayer>> {
  return page.evaluate(`(async () => {
    const layers = {};
    for (const [index, connection] of (window.__benchPeerConnections || []).entries()) {
      if (connection.connectionState === 'closed') continue;
      (await connection.getStats()).forEach((entry) => {
        if (entry.type === 'outbound-rtp' && entry.kind === 'video') {
          layers[index + ':' + entry.id] = { framesEncoded: entry.framesEncoded || 0, framesSent: entry.framesSent || 0, frameHeight: entry.frameHeight || 0 };
        }
      });
    }
    return layers;
  })()`);
}

/** What draws WebGL in the page, as the browser names it; "none" without WebGL 2. */
function webglRenderer(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const context = document.createElement('canvas').getContext('webgl2');
    if (!context) return 'none';
    const info = context.getExtension('WEBGL_debug_renderer_info');
    const name = info ? String(context.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unknown';
    context.getExtension('WEBGL_lose_context')?.loseContext();
    return name;
  })()`);
}

/** The strong blur on or no effect, and the publish resolution, saved as the app saves them, before the app loads. */
function preferencesScript(resolution: Resolution, blur: boolean): string {
  return `(() => {
    localStorage.setItem('visio.devicePreferences', ${JSON.stringify(JSON.stringify({ backgroundEffect: blur ? { kind: 'blur', strength: 'strong' } : { kind: 'none' } }))});
    localStorage.setItem('visio.callPreferences', ${JSON.stringify(JSON.stringify({ publishResolution: resolution }))});
  })();`;
}

interface BlurRun {
  graphics: string;
  resolution: Resolution;
  webgl: string;
  blurFailure: string;
  framesSentPerSecond: number;
  framesEncodedPerSecond: number;
  sentHeight: number;
  rendererPercent: number;
  gpuPercent: number;
  machinePercent: number;
  load: string;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function measure(stack: BenchStack, graphics: (typeof GRAPHICS)[number], resolution: Resolution, blur: boolean, seconds: number, settleSeconds: number): Promise<BlurRun> {
  const participant = await openPrejoin(
    stack,
    async (page) => {
      await page.addInitScript(PEER_CONNECTION_RECORDER);
      await page.addInitScript(preferencesScript(resolution, blur));
    },
    [...graphics.args],
  );
  try {
    const { page } = participant;
    await fillName(page, 'Banc d’essai');
    await clickJoin(page);
    await waitInCall(page);
    // Sending starts once the bot subscribes and the blur (if any) has started.
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && !Object.values(await outboundVideo(page)).some((layer) => layer.framesSent > 0)) await sleep(500);
    if (Date.now() >= deadline) console.log('  no video sent within 120 s');
    await sleep(settleSeconds * 1000);
    const alert = page.getByRole('alert').filter({ hasText: /flou/i });
    const blurFailure = (await alert.count()) > 0 ? ((await alert.first().textContent()) ?? '').trim() : '';
    const webgl = await webglRenderer(page);

    const measured = await measureCpuWindow(seconds, () => outboundVideo(page));
    const { start: startLayers, end: endLayers, elapsed } = measured;

    let best = { sent: 0, encoded: 0, height: 0 };
    for (const [id, layer] of Object.entries(endLayers)) {
      const before = startLayers[id];
      if (!before) continue;
      const sent = (layer.framesSent - before.framesSent) / elapsed;
      if (sent > best.sent || (sent === best.sent && layer.frameHeight > best.height)) {
        best = { sent, encoded: (layer.framesEncoded - before.framesEncoded) / elapsed, height: layer.frameHeight };
      }
    }
    return {
      graphics: graphics.name,
      resolution,
      webgl,
      blurFailure,
      framesSentPerSecond: best.sent,
      framesEncodedPerSecond: best.encoded,
      sentHeight: best.height,
      rendererPercent: measured.rendererPercent,
      gpuPercent: measured.gpuPercent,
      machinePercent: measured.machinePercent,
      load: measured.load,
    };
  } finally {
    await participant.close();
  }
}

async function main(): Promise<void> {
  const runs = environmentCount('BENCH_RUNS', 1);
  const seconds = environmentCount('BENCH_SECONDS', 20);
  const settleSeconds = environmentCount('BENCH_SETTLE_SECONDS', 8);
  const blur = process.env.BENCH_BLUR !== 'off';
  const wantedGraphics = GRAPHICS.filter((graphics) => !process.env.BENCH_GRAPHICS || graphics.name.includes(process.env.BENCH_GRAPHICS));
  const wantedResolutions = RESOLUTIONS.filter((resolution) => !process.env.BENCH_RESOLUTION || resolution === process.env.BENCH_RESOLUTION);
  const stack = await startBenchStack();
  const viewer = await Bot.join(stack.devstack, { room: stack.room.id, identity: 'bench-viewer', name: 'Spectateur', autoSubscribe: true });
  const results: BlurRun[] = [];
  try {
    console.log(`Blur ${blur ? 'on' : 'off'}; ${runs} run(s) of ${seconds} s per case, after ${settleSeconds} s of settling.`);
    for (const graphics of wantedGraphics) {
      for (const resolution of wantedResolutions) {
        for (let run = 1; run <= runs; run += 1) {
          const result = await measure(stack, graphics, resolution, blur, seconds, settleSeconds);
          results.push(result);
          console.log(
            `${graphics.name}, ${resolution}, run ${run}: ${result.framesSentPerSecond.toFixed(1)} frames/s sent (${result.framesEncodedPerSecond.toFixed(1)} encoded) at ${result.sentHeight}p; ` +
              `renderer ${formatPercent(result.rendererPercent)} of one core, GPU process ${formatPercent(result.gpuPercent)}, machine ${formatPercent(result.machinePercent)} busy; ` +
              `load ${result.load}; WebGL: ${result.webgl}${result.blurFailure ? `; blur failed: ${result.blurFailure}` : ''}`,
          );
        }
      }
    }
  } finally {
    await viewer.disconnect().catch(() => undefined);
    await stack.stop();
  }
  console.log('');
  printTable(
    ['graphics', 'asked', 'frames/s sent', 'height sent', 'renderer CPU', 'GPU process CPU'],
    wantedGraphics.flatMap((graphics) =>
      wantedResolutions.map((resolution) => {
        const cases = results.filter((result) => result.graphics === graphics.name && result.resolution === resolution);
        return [
          graphics.name,
          resolution,
          median(cases.map((result) => result.framesSentPerSecond)).toFixed(1),
          `${median(cases.map((result) => result.sentHeight))}p`,
          formatPercent(median(cases.map((result) => result.rendererPercent))),
          formatPercent(median(cases.map((result) => result.gpuPercent))),
        ];
      }),
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
