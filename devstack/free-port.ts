// Every service of the stack binds loopback on a free port of its own, so several stacks
// (parallel test files, a developer's running instance) never collide. Ports are drawn below the
// kernel's ephemeral range: a port picked there could be taken as the source port of an
// outgoing connection between the check and the bind, or before a same-port restart.
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

export const LOOPBACK_HOST = '127.0.0.1';

const FIRST_PORT = 20_000;
const PORT_COUNT = 12_000;
const ATTEMPTS = 50;

function randomPort(): number {
  return FIRST_PORT + Math.floor(Math.random() * PORT_COUNT);
}

function tryTcpPort(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(undefined));
    server.listen(port, LOOPBACK_HOST, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => resolve(bound));
    });
  });
}

function tryUdpPort(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => resolve(undefined));
    socket.bind(port, LOOPBACK_HOST, () => {
      const bound = socket.address().port;
      socket.close(() => resolve(bound));
    });
  });
}

async function pick(tryPort: (port: number) => Promise<number | undefined>): Promise<number> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const port = await tryPort(randomPort());
    if (port !== undefined) return port;
  }
  const fallback = await tryPort(0);
  if (fallback === undefined) throw new Error('No free port on 127.0.0.1.');
  return fallback;
}

/** A TCP port free on 127.0.0.1 at the time of the call. */
export function freeTcpPort(): Promise<number> {
  return pick(tryTcpPort);
}

/** A UDP port free on 127.0.0.1 at the time of the call. */
export function freeUdpPort(): Promise<number> {
  return pick(tryUdpPort);
}
