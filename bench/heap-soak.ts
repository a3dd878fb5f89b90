// The grid of 24 bot publishers kept on screen for ten minutes (BENCH_SOAK_SECONDS, else
// BENCH_SECONDS, else 600), one run by default (BENCH_SOAK_RUNS, else BENCH_RUNS): does the JS heap
// the page retains grow? Heap sampled every 30 s; growth measured after forced garbage collections.
import './production-logging';
import { benchGridLoad, gridLoadOptionsFromEnvironment, type GridLoadResult } from './grid-load';
import { environmentCount } from './statistics';
import { runWhenStartedDirectly } from './run-directly';

export function benchHeapSoak(): Promise<GridLoadResult> {
  return benchGridLoad(
    gridLoadOptionsFromEnvironment({
      label: 'heap-soak',
      runs: environmentCount('BENCH_SOAK_RUNS', environmentCount('BENCH_RUNS', 1)),
      seconds: environmentCount('BENCH_SOAK_SECONDS', environmentCount('BENCH_SECONDS', 600)),
      sampleSeconds: environmentCount('BENCH_SAMPLE_SECONDS', 30),
    }),
  );
}

runWhenStartedDirectly(import.meta.url, benchHeapSoak);
