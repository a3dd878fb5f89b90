// Every benchmark in sequence, then one table of medians against the targets of this 2-core
// machine. BENCH_SOAK=0 leaves out the ten-minute heap soak.
import './production-logging';
import { benchFirstFrame, FIRST_FRAME_TARGET_MS } from './first-frame';
import { benchGridLoad, gridLoadOptionsFromEnvironment, HEAP_GROWTH_TARGET_PERCENT, RENDERER_CPU_TARGET_PERCENT } from './grid-load';
import { benchHeapSoak } from './heap-soak';
import { loadAverage } from './process-cpu';
import { environmentCount, formatMilliseconds, formatPercent, median, printTable } from './statistics';

async function main(): Promise<void> {
  const runs = environmentCount('BENCH_RUNS', 5);
  const firstFrame = await benchFirstFrame(runs);
  console.log('');
  const gridLoad = await benchGridLoad(gridLoadOptionsFromEnvironment({ runs }));
  console.log('');
  const soak = process.env.BENCH_SOAK === '0' ? undefined : await benchHeapSoak();

  const verdict = (value: number, target: number) => (Number.isFinite(value) ? (value <= target ? 'met' : 'MISSED') : 'no figure');
  const gridNote = (() => {
    const last = gridLoad.runs.at(-1);
    return last ? `${last.grid.tiles} tiles shown${last.grid.pager ? ` (${last.grid.pager})` : ''}` : '';
  })();
  const rows: string[][] = [
    [
      'Join click -> first remote frame',
      `${firstFrame.runs.length}`,
      formatMilliseconds(firstFrame.medianMilliseconds),
      `< ${formatMilliseconds(FIRST_FRAME_TARGET_MS)}`,
      verdict(firstFrame.medianMilliseconds, FIRST_FRAME_TARGET_MS),
    ],
    [
      `Renderer CPU, 24 publishers, ${gridLoad.options.seconds} s (${gridNote})`,
      `${gridLoad.runs.length}`,
      `${formatPercent(gridLoad.medianRendererCpu)} of one core`,
      `< ${RENDERER_CPU_TARGET_PERCENT} %`,
      verdict(gridLoad.medianRendererCpu, RENDERER_CPU_TARGET_PERCENT),
    ],
    [
      `JS heap growth over ${gridLoad.options.seconds} s`,
      `${gridLoad.runs.length}`,
      formatPercent(gridLoad.medianHeapGrowthPercent),
      '(informative)',
      '',
    ],
  ];
  if (soak) {
    rows.push([
      `JS heap growth over ${soak.options.seconds} s`,
      `${soak.runs.length}`,
      formatPercent(soak.medianHeapGrowthPercent),
      `< ${HEAP_GROWTH_TARGET_PERCENT} %`,
      verdict(soak.medianHeapGrowthPercent, HEAP_GROWTH_TARGET_PERCENT),
    ]);
  }
  console.log('');
  console.log(`Summary (medians; load average now ${loadAverage()}; machine busy during the grid runs ${formatPercent(median(gridLoad.runs.map((run) => run.machineBusy)))} of all cores)`);
  printTable(['Figure', 'Runs', 'Median', 'Target', 'Verdict'], rows);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
