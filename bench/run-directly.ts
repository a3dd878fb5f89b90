// How each benchmark runs when started by its npm script (`tsx bench/<name>.ts`), while staying
// importable by the others: the figures are printed by the benchmark, the exit code says whether
// it could run at all.
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Runs `bench` when `moduleUrl` (the caller's `import.meta.url`) is the script node was started with. */
export function runWhenStartedDirectly(moduleUrl: string, bench: () => Promise<unknown>): void {
  const started = process.argv[1];
  if (!started || basename(started) !== basename(fileURLToPath(moduleUrl))) return;
  bench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
