// A throwaway Redis for a LiveKit cluster: Debian's redis-server on a free loopback port, a temp
// folder of its own and no persistence, started and stopped with the stack. Also the two commands
// the stack needs from it, spoken in RESP over a plain socket.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freeTcpPort, LOOPBACK_HOST } from './free-port';

const READY_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 3_000;

export class RedisMissingError extends Error {
  constructor() {
    super('redis-server not found on PATH nor in /usr/bin: install the Debian package "redis-server" to run LiveKit as a cluster.');
    this.name = 'RedisMissingError';
  }
}

/** Where redis-server is: VISIO_REDIS_SERVER, else PATH, else /usr/bin. */
export function redisServerPath(environment: NodeJS.ProcessEnv = process.env): string | undefined {
  if (environment.VISIO_REDIS_SERVER) return existsSync(environment.VISIO_REDIS_SERVER) ? environment.VISIO_REDIS_SERVER : undefined;
  const folders = [...(environment.PATH ?? '').split(delimiter).filter(Boolean), '/usr/bin'];
  return folders.map((folder) => join(folder, 'redis-server')).find((candidate) => existsSync(candidate));
}

function encodeCommand(parts: string[]): string {
  return `*${parts.length}\r\n${parts.map((part) => `$${Buffer.byteLength(part)}\r\n${part}\r\n`).join('')}`;
}

/** Sends one command; resolves with a simple or bulk string reply (null for a nil reply). */
export function redisCommand(port: number, parts: string[], timeoutMs = 2_000): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, LOOPBACK_HOST);
    let received = Buffer.alloc(0);
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`Redis on port ${port} did not answer ${parts[0]}`)));
    socket.once('error', fail);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const text = received.toString('latin1');
      const lineEnd = text.indexOf('\r\n');
      if (lineEnd < 0) return;
      const kind = text[0];
      const head = text.slice(1, lineEnd);
      if (kind === '+' || kind === ':') {
        socket.end();
        resolve(head);
      } else if (kind === '-') fail(new Error(`Redis: ${head}`));
      else if (kind === '$') {
        const length = Number(head);
        if (length < 0) {
          socket.end();
          resolve(null);
          return;
        }
        const start = Buffer.byteLength(text.slice(0, lineEnd + 2), 'latin1');
        if (received.length < start + length + 2) return;
        socket.end();
        resolve(received.subarray(start, start + length).toString());
      } else fail(new Error(`Redis: unexpected reply ${JSON.stringify(head)}`));
    });
    socket.write(encodeCommand(parts));
  });
}

export class RedisServer {
  private child: ChildProcess | undefined;
  private outputTail = '';

  private constructor(
    readonly port: number,
    private readonly workDirectory: string,
  ) {}

  static async start(): Promise<RedisServer> {
    const binary = redisServerPath();
    if (!binary) throw new RedisMissingError();
    const server = new RedisServer(await freeTcpPort(), await mkdtemp(join(tmpdir(), 'visio-redis-')));
    const child = spawn(
      binary,
      ['--port', String(server.port), '--bind', LOOPBACK_HOST, '--save', '', '--appendonly', 'no', '--dir', server.workDirectory, '--protected-mode', 'yes'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server.child = child;
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.removeListener('exit', killOnExit));
    const keepTail = (chunk: Buffer) => {
      server.outputTail = (server.outputTail + chunk.toString()).slice(-2_000);
    };
    child.stdout?.on('data', keepTail);
    child.stderr?.on('data', keepTail);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null) {
        await server.stop();
        throw new Error(`redis-server exited (${child.exitCode}) before it was ready:\n${server.outputTail}`);
      }
      if ((await redisCommand(server.port, ['PING'], 500).catch(() => undefined)) === 'PONG') return server;
      if (Date.now() > deadline) {
        await server.stop();
        throw new Error(`redis-server did not answer on port ${server.port} within ${READY_TIMEOUT_MS} ms:\n${server.outputTail}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  get address(): string {
    return `${LOOPBACK_HOST}:${this.port}`;
  }

  command(...parts: string[]): Promise<string | null> {
    return redisCommand(this.port, parts);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(killTimer);
    }
    await rm(this.workDirectory, { recursive: true, force: true });
  }
}
