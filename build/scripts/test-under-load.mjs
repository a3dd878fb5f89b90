// `npm run test:under-load [-- --runs N]`: the whole `npm test`, N times in a row (3 by default),
// while one core is kept fully busy by a spinning worker thread, as on a shared machine on a bad
// day. Stops at the first run that fails. Prints each run's outcome and duration, then a table.
// No test measures a speed, so the suite must pass here exactly as on a quiet machine.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const runsArgument = process.argv.indexOf('--runs');
const runs = runsArgument > 0 ? Number.parseInt(process.argv[runsArgument + 1] ?? '', 10) : 3;
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs expects a whole number of at least 1');
  process.exit(2);
}

// A loop that never yields keeps one core at 100 % until the worker is terminated.
const spinner = new Worker('for (;;) {}', { eval: true });
spinner.unref();

function formatDuration(milliseconds) {
  const seconds = Math.round(milliseconds / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

console.log(`${cpus().length} cores, one kept busy; ${runs} run(s) of npm test`);
const results = [];
for (let run = 1; run <= runs; run++) {
  console.log(`\n══ run ${run} of ${runs} (load average ${loadavg()[0].toFixed(1)}) ══`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(root, 'build', 'scripts', 'test.mjs')], { cwd: root, stdio: 'inherit' });
  results.push({ run, ok: result.status === 0, milliseconds: Date.now() - started });
  if (result.status !== 0) break;
}
await spinner.terminate();

console.log('\nRun   Result  Duration');
for (const { run, ok, milliseconds } of results) {
  console.log(`${String(run).padEnd(6)}${(ok ? '✔' : '✘').padEnd(8)}${formatDuration(milliseconds).padStart(10)}`);
}
const passed = results.filter((result) => result.ok).length;
console.log(`${passed} of ${runs} run(s) passed with one core busy`);
process.exit(passed === runs ? 0 : 1);
