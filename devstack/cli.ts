// `npm run devstack`: the local backend for `npm start`, with data kept in .devstack-data/.
import { resolve } from 'node:path';
import { startDevstack } from './index';

/** `--livekit-nodes N` (or VISIO_LIVEKIT_NODES): LiveKit as a cluster of N nodes sharing a Redis. */
function livekitNodes(): number | undefined {
  const flag = process.argv.indexOf('--livekit-nodes');
  const value = flag >= 0 ? process.argv[flag + 1] : process.env.VISIO_LIVEKIT_NODES;
  return value ? Number(value) : undefined;
}

async function main(): Promise<void> {
  const devstack = await startDevstack({
    dataDir: resolve('.devstack-data'),
    webRoot: resolve('dist/renderer'),
    livekitNodes: livekitNodes(),
  });
  const lines = [
    'Visio devstack prêt / ready',
    `  Instance (web + API) : ${devstack.origin}`,
    `  API                  : ${devstack.apiBaseUrl}`,
    `  LiveKit              : ${devstack.livekitUrl} (${devstack.livekitNodeCount} nœud(s) / node(s))`,
    `  Fournisseur OIDC     : ${devstack.issuer}`,
    ...devstack.users.map((user) => `  Compte de test       : ${user.email} / ${user.password} (${user.fullName})`),
    'Ctrl+C pour arrêter.',
  ];
  console.log(lines.join('\n'));
  // `npm start` reads this line to hand the URLs to the app.
  if (process.argv.includes('--json')) {
    const { origin, apiBaseUrl, livekitUrl, issuer, users } = devstack;
    console.log(JSON.stringify({ ready: { origin, apiBaseUrl, livekitUrl, issuer, users } }));
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} : arrêt du devstack...`);
    devstack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
