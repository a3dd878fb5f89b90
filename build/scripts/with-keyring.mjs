// Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so keytar talks
// to a real Secret Service, then tears both down.
import { spawnSync } from 'node:child_process';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: with-keyring.mjs <command> [args...]');
  process.exit(2);
}
const which = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
for (const tool of ['dbus-run-session', 'gnome-keyring-daemon']) {
  if (!which(tool)) {
    console.error(`${tool} is missing: install the Debian packages dbus-bin and gnome-keyring (.ci/run does).`);
    process.exit(1);
  }
}
const script =
  'echo -n visio-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"';
const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', script, 'sh', ...command], {
  stdio: 'inherit',
  env: { ...process.env, VISIO_KEYRING_AVAILABLE: '1' },
});
process.exit(result.status ?? 1);
