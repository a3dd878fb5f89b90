// Runs Electronegativity offline over main, preload and the renderer (as one application, so its
// global checks see the CSP and navigation guards wherever they live), and fails on any finding
// not justified in build/electronegativity-justified.json, a reviewed list.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const justified = JSON.parse(readFileSync(join(root, 'build', 'electronegativity-justified.json'), 'utf8'));
const workspace = mkdtempSync(join(tmpdir(), 'visio-electronegativity-'));
const app = join(workspace, 'app');
const isShipped = (source) => !/\.test\.tsx?$/.test(source);
for (const target of ['main', 'preload', 'renderer']) {
  cpSync(join(root, target), join(app, target), { recursive: true, filter: isShipped });
}
const report = join(workspace, 'report.sarif');
const cli = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const result = spawnSync(
  process.execPath,
  [cli, '-i', app, '-o', report, '-r', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck'],
  { cwd: root, encoding: 'utf8' },
);
if (!existsSync(report)) {
  console.error(result.stdout, result.stderr);
  console.error('Electronegativity produced no report.');
  process.exit(1);
}
const findings = JSON.parse(readFileSync(report, 'utf8')).runs?.[0]?.results ?? [];
const unjustified = [];
for (const finding of findings) {
  const location = finding.locations?.[0]?.physicalLocation;
  const file = (location?.artifactLocation?.uri ?? '').replace(/^file:\/\//, '').replace(`${app}/`, '');
  const reason = justified[`${finding.ruleId}:${file}`] ?? justified[finding.ruleId];
  if (!reason) unjustified.push(`${finding.ruleId} ${file}:${location?.region?.startLine ?? '?'} — ${finding.message?.text ?? ''}`);
}
if (unjustified.length > 0) {
  console.error('Electronegativity findings not justified in build/electronegativity-justified.json:');
  for (const line of unjustified) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`Electronegativity: ${findings.length} finding(s), all justified in build/electronegativity-justified.json.`);
