// `npm test`: every check the project promises, in order, on a fresh clone: lint, type-checks
// (main and preload against the real electron.d.ts), bundles, unit and integration tests, the
// keyring tests against a real Secret Service, Electronegativity, and the Playwright end-to-end
// tests in Debian Chromium against the devstack. Prints how long each step took, then a table of
// the steps' durations and one closing count of all tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const reports = join(root, 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);
const only = process.env.VISIO_TEST_ONLY?.split(',');

const counts = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const countedSteps = new Set();
/** Name, outcome and duration of each step that ran, for the closing table. */
const durations = [];
const startedAt = Date.now();

function formatDuration(milliseconds) {
  const seconds = Math.round(milliseconds / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

function step(name, args, options = {}) {
  if (only && !only.includes(name)) return;
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const result = spawnSync(args[0], args.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...options.env },
  });
  const took = formatDuration(Date.now() - started);
  durations.push({ name, ok: result.status === 0, milliseconds: Date.now() - started });
  if (result.status === 0) {
    console.log(`✔ ${name} (${took})`);
  } else {
    console.log(`✘ ${name} (${took}, exit ${result.status ?? result.signal})`);
    failures.push(name);
  }
  if (options.count) {
    const failedBefore = counts.failed;
    options.count();
    // A runner that failed without reporting a failed test (a crash, a failing hook) counts as one.
    if (result.status === 0 || counts.failed > failedBefore) countedSteps.add(name);
  }
}

function countVitest(file) {
  return () => {
    if (!existsSync(file)) return;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    counts.passed += report.numPassedTests ?? 0;
    counts.failed += report.numFailedTests ?? 0;
    counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  };
}

function countPlaywright(file) {
  return () => {
    if (!existsSync(file)) return;
    const stats = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
    counts.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    counts.failed += stats.unexpected ?? 0;
    counts.skipped += stats.skipped ?? 0;
  };
}

const node = process.execPath;
console.log(`Node.js ${process.version}`);
step('lint', [node, bin('eslint', 'bin/eslint.js'), '.', '--max-warnings=0']);
step('typecheck', [node, bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);
step('typecheck-renderer', [node, bin('typescript', 'bin/tsc'), '-p', 'tsconfig.renderer.json', '--noEmit']);
step('typecheck-node', [node, bin('typescript', 'bin/tsc'), '-p', 'tsconfig.node.json', '--noEmit']);
step('build', [node, join(root, 'build', 'scripts', 'build.mjs')]);
const unitReport = join(reports, 'vitest.json');
step('unit-and-integration', [node, bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`], {
  count: countVitest(unitReport),
});
const keyringReport = join(reports, 'vitest-keyring.json');
step(
  'keyring',
  [node, join(root, 'build', 'scripts', 'with-keyring.mjs'), node, bin('vitest', 'vitest.mjs'), 'run', '--config', 'vitest.keyring.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${keyringReport}`],
  { count: countVitest(keyringReport) },
);
step('electronegativity', [node, join(root, 'build', 'scripts', 'electronegativity.mjs')]);
const e2eReport = join(reports, 'playwright.json');
step('e2e', [node, bin('@playwright/test', 'cli.js'), 'test'], {
  env: { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
  count: countPlaywright(e2eReport),
});

console.log('\nStep                    Result  Duration');
for (const { name, ok, milliseconds } of durations) {
  console.log(`${name.padEnd(24)}${(ok ? '✔' : '✘').padEnd(8)}${formatDuration(milliseconds).padStart(9)}`);
}
console.log(`${'total'.padEnd(32)}${formatDuration(Date.now() - startedAt).padStart(9)}`);
console.log('');
if (failures.length > 0) console.log(`Failed steps: ${failures.join(', ')}`);
// A failed check that is not a test runner (lint, type-check, build) counts as one failure.
const failedChecks = failures.filter((name) => !countedSteps.has(name)).length;
console.log(`${counts.passed} passed, ${counts.failed + failedChecks} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(failures.length > 0 ? 1 : 0);
