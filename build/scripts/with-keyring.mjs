// Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so keytar talks
// to a real Secret Service, then tears both down. The keyring lives in a fresh temporary folder
// (XDG_DATA_HOME, XDG_RUNTIME_DIR): the tests never read nor depend on this machine's own keyring.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: with-keyring.mjs <command> [args...]');
  process.exit(2);
}
const which = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
for (const tool of ['dbus-run-session', 'gnome-keyring-daemon']) {
  if (!which(tool)) {
    console.error(`${tool} is missing: run "bash build/setup.sh", which installs the Debian packages dbus-bin and gnome-keyring.`);
    process.exit(1);
  }
}
const home = mkdtempSync(join(tmpdir(), 'visio-keyring-'));
const dataHome = join(home, 'data');
const runtimeDirectory = join(home, 'runtime');
mkdirSync(dataHome);
mkdirSync(runtimeDirectory);
// gnome-keyring refuses a runtime folder others can read.
chmodSync(runtimeDirectory, 0o700);
const script =
  'echo -n visio-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"';
// Run as root without the right to raise limits (a container), dbus-daemon says it could not raise
// its file limit, which a private session with one client never needs: that line alone is left out.
const harmless = /Failed to set fd limit to \d+: Operation not permitted/;
let status = 1;
try {
  const child = spawn('dbus-run-session', ['--', 'sh', '-c', script, 'sh', ...command], {
    stdio: ['inherit', 'inherit', 'pipe'],
    env: { ...process.env, XDG_DATA_HOME: dataHome, XDG_RUNTIME_DIR: runtimeDirectory, VISIO_KEYRING_AVAILABLE: '1' },
  });
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (!harmless.test(line)) process.stderr.write(`${line}\n`);
  });
  status = await new Promise((resolve) => {
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
} finally {
  rmSync(home, { recursive: true, force: true });
}
process.exit(status);
