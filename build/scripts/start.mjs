// `npm start`: the app against the local sovereign stack (devstack). `--web`: the same renderer
// in a browser, served by the devstack's API origin.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { electronBinaryPath, tryInstallElectron } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function runOrExit(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

let electron = null;
let web = process.argv.includes('--web');
if (!web) {
  electron = electronBinaryPath(root) ?? (tryInstallElectron(root).ok ? electronBinaryPath(root) : null);
  if (!electron) {
    // Without Electron's binary the same interface still runs, in a browser, against the same
    // local stack: the command ends with the app running either way.
    console.log(
      [
        '',
        "Le binaire Electron n'est pas installé et n'a pas pu être téléchargé (hôte de téléchargement",
        "injoignable depuis ce poste) : l'application démarre dans sa variante navigateur.",
        "Sur un poste connecté, supprimez node_modules/electron puis relancez l'installation pour la fenêtre de bureau.",
        '',
        'The Electron binary is not installed and could not be downloaded (its host is unreachable from',
        'this machine): the app starts in its browser variant instead.',
        '',
      ].join('\n'),
    );
    web = true;
  }
}

runOrExit([join(root, 'build', 'scripts', 'build.mjs')]);

const devstack = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'devstack/cli.ts', '--json'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});

let app = null;
let buffered = '';
devstack.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (app) return;
  buffered += chunk.toString();
  const line = buffered.split('\n').find((candidate) => candidate.startsWith('{"ready"'));
  if (!line) return;
  const stack = JSON.parse(line).ready;
  if (web) {
    console.log(`\nVisio (navigateur) : ouvrez ${stack.origin}/ — Ctrl+C pour arrêter.`);
    console.log(`Compte de test : ${stack.users[0].email} / ${stack.users[0].password}\n`);
    app = true;
    return;
  }
  app = spawn(electron, [root], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, VISIO_API_BASE_URL: stack.apiBaseUrl, VISIO_LIVEKIT_URL: stack.livekitUrl },
  });
  app.on('exit', (code) => {
    devstack.kill('SIGTERM');
    process.exitCode = code ?? 0;
  });
});
devstack.on('exit', (code) => {
  if (app && app !== true) app.kill('SIGTERM');
  if (code) process.exitCode = code;
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (app && app !== true) app.kill('SIGTERM');
    devstack.kill('SIGTERM');
  });
}
