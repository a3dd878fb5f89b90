// What noise suppression costs: a browser joins with its microphone on and its camera off, with
// RNNoise on and then off (its saved preference), alternately, BENCH_RUNS times each. A bot
// subscribes to its audio, so the server keeps it flowing. Over a window of BENCH_SECONDS, from
// /proc: the CPU time of the renderer processes (RNNoise's audio thread runs there) and, for
// context, of the whole machine; from getStats(): the audio the page sends. Figures only.
import './production-logging';
import type { Page } from '@playwright/test';
import { Bot } from '../devstack/bot';
import { clickJoin, fillName, openPrejoin, startBenchStack, waitInCall, type BenchStack } from './bench-stack';
import { PEER_CONNECTION_RECORDER } from './page-probes';
import { measureCpuWindow } from './process-cpu';
import { environmentCount, formatPercent, median, printTable } from './statistics';

/** Noise suppression on or off and the camera off, saved as the app saves them, before the app loads. */
function preferencesScript(noiseSuppression: boolean): string {
  return `localStorage.setItem('visio.devicePreferences', ${JSON.stringify(JSON.stringify({ noiseSuppression, cameraEnabled: false }))});`;
}

/** Audio packets sent so far over the page's peer connections. */
function audioPacketsSent(page: Page): Promise<number> {
  return page.evaluate(`(async () => {
    let packets = 0;
    for (const connection of window.__benchPeerConnections || []) {
      if (connection.connectionState === 'closed') continue;
      (await connection.getStats()).forEach((entry) => {
        if (entry.type === 'outbound-rtp' && entry.kind === 'audio') packets += entry.packetsSent || 0;
      });
    }
    return packets;
  })()`);
}

interface NoiseRun {
  noiseSuppression: boolean;
  failure: string;
  packetsPerSecond: number;
  rendererPercent: number;
  machinePercent: number;
  load: string;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function measure(stack: BenchStack, noiseSuppression: boolean, seconds: number, settleSeconds: number): Promise<NoiseRun> {
  const participant = await openPrejoin(stack, async (page) => {
    await page.addInitScript(PEER_CONNECTION_RECORDER);
    await page.addInitScript(preferencesScript(noiseSuppression));
  });
  try {
    const { page } = participant;
    await fillName(page, 'Banc d’essai');
    await clickJoin(page);
    await waitInCall(page);
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && (await audioPacketsSent(page)) === 0) await sleep(500);
    if (Date.now() >= deadline) console.log('  no audio sent within 120 s');
    await sleep(settleSeconds * 1000);
    const alert = page.getByRole('alert').filter({ hasText: /bruit/i });
    const failure = (await alert.count()) > 0 ? ((await alert.first().textContent()) ?? '').trim() : '';

    const measured = await measureCpuWindow(seconds, () => audioPacketsSent(page));
    return {
      noiseSuppression,
      failure,
      packetsPerSecond: (measured.end - measured.start) / measured.elapsed,
      rendererPercent: measured.rendererPercent,
      machinePercent: measured.machinePercent,
      load: measured.load,
    };
  } finally {
    await participant.close();
  }
}

async function main(): Promise<void> {
  const runs = environmentCount('BENCH_RUNS', 3);
  const seconds = environmentCount('BENCH_SECONDS', 20);
  const settleSeconds = environmentCount('BENCH_SETTLE_SECONDS', 5);
  const stack = await startBenchStack();
  const listener = await Bot.join(stack.devstack, { room: stack.room.id, identity: 'bench-listener', name: 'Auditeur', autoSubscribe: true });
  const results: NoiseRun[] = [];
  try {
    console.log(`${runs} run(s) of ${seconds} s per case, after ${settleSeconds} s of settling; on and off alternate, so a change in the machine's load touches both.`);
    for (let run = 1; run <= runs; run += 1) {
      for (const noiseSuppression of [true, false]) {
        const result = await measure(stack, noiseSuppression, seconds, settleSeconds);
        results.push(result);
        console.log(
          `noise suppression ${noiseSuppression ? 'on' : 'off'}, run ${run}: renderer ${formatPercent(result.rendererPercent)} of one core, machine ${formatPercent(result.machinePercent)} busy; ` +
            `${result.packetsPerSecond.toFixed(1)} audio packets/s sent; load ${result.load}${result.failure ? `; failed: ${result.failure}` : ''}`,
        );
      }
    }
  } finally {
    await listener.disconnect().catch(() => undefined);
    await stack.stop();
  }
  console.log('');
  const rendererMedian = (on: boolean) => median(results.filter((result) => result.noiseSuppression === on).map((result) => result.rendererPercent));
  printTable(
    ['noise suppression', 'renderer CPU (median)', 'audio packets/s'],
    [true, false].map((on) => [
      on ? 'on' : 'off',
      formatPercent(rendererMedian(on)),
      median(results.filter((result) => result.noiseSuppression === on).map((result) => result.packetsPerSecond)).toFixed(1),
    ]),
  );
  console.log(`\nCost of noise suppression: ${formatPercent(rendererMedian(true) - rendererMedian(false))} of one core (renderer, median on minus median off).`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
