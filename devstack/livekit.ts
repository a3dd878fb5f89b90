// A real LiveKit server, started from the binary built by install-livekit.sh, bound to loopback
// with ports and keys of its own. It can be stopped and started again on the same ports, so a
// client sees "the server went away and came back" exactly as in production.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeTcpPort, freeUdpPort, LOOPBACK_HOST } from './free-port';

export interface LivekitServerPorts {
  /** HTTP + WebSocket signalling, and the Twirp room service. */
  signal: number;
  /** ICE over TCP. */
  rtcTcp: number;
  /** ICE over UDP, all peers multiplexed on one port. */
  rtcUdp: number;
  /** The embedded TURN server (UDP). */
  turnUdp: number;
}

/**
 * What a LiveKit server with no STUN server configured hands out (LiveKit's built-in defaults):
 * foreign hosts the app must never contact. Listed explicitly because enabling TURN stops the
 * server from adding its defaults, and the sovereignty test needs a server that hands them out.
 */
export const FOREIGN_STUN_SERVERS = ['global.stun.twilio.com:3478', 'stun.l.google.com:19302', 'stun1.l.google.com:19302'] as const;

/** A TURN server of a host outside every profile, handed out next to the devstack's own. */
export const FOREIGN_TURN_SERVER = { host: 'turn.visio-devstack.invalid', port: 3478 } as const;

/**
 * Every IPv4 range except 127.0.0.0/8: the devstack's TURN server relays between processes of
 * this machine only, never to another host.
 */
const NON_LOOPBACK_IPV4 = [
  '0.0.0.0/2',
  '64.0.0.0/3',
  '96.0.0.0/4',
  '112.0.0.0/5',
  '120.0.0.0/6',
  '124.0.0.0/7',
  '126.0.0.0/8',
  '128.0.0.0/1',
];

const READY_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 3_000;
const OUTPUT_TAIL_CHARS = 4_000;
const START_ATTEMPTS = 3;

export class LivekitBinaryMissingError extends Error {
  constructor(readonly binaryPath: string) {
    super(
      `LiveKit server not found at ${binaryPath}. Run devstack/install-livekit.sh ` +
        '(or set VISIO_LIVEKIT_BIN to the path of a livekit-server binary).',
    );
    this.name = 'LivekitBinaryMissingError';
  }
}

/** Where the binary is: VISIO_LIVEKIT_BIN, else the cache folder install-livekit.sh fills. */
export function livekitBinaryPath(environment: NodeJS.ProcessEnv = process.env): string {
  if (environment.VISIO_LIVEKIT_BIN) return environment.VISIO_LIVEKIT_BIN;
  const cacheHome = environment.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cacheHome, 'visio-devstack', 'bin', 'server');
}

/**
 * The YAML the server reads. ICE must work between processes of this one machine (headless
 * Chromium, rtc-node bots), so the only candidate is 127.0.0.1 on the loopback interface, and
 * no STUN lookup of a public address is attempted (this machine has no internet): `node_ip` is
 * set and `use_external_ip` is off, so the server never uses `stun_servers` itself.
 *
 * Like a ministry's server, it hands out its embedded TURN server (`turn:127.0.0.1:PORT`, with
 * credentials minted per participant). With `foreignIceServers` (the sovereignty tests), it is
 * also like a server left with LiveKit's defaults: it hands out foreign STUN servers and a foreign
 * TURN server, which the app's ICE guard must drop. Without it, the local stack names no host
 * but its own.
 */
export function livekitConfigYaml(
  ports: LivekitServerPorts,
  apiKey: string,
  apiSecret: string,
  options: { foreignIceServers?: boolean; redisAddress?: string } = {},
): string {
  const foreign = options.foreignIceServers
    ? [
        '  stun_servers:',
        ...FOREIGN_STUN_SERVERS.map((server) => `    - ${server}`),
        '  turn_servers:',
        `    - host: ${FOREIGN_TURN_SERVER.host}`,
        `      port: ${FOREIGN_TURN_SERVER.port}`,
        '      protocol: udp',
        '      username: visio',
        '      credential: devstack',
      ]
    : [];
  return [
    `port: ${ports.signal}`,
    'bind_addresses:',
    `  - ${LOOPBACK_HOST}`,
    'rtc:',
    `  tcp_port: ${ports.rtcTcp}`,
    `  udp_port: ${ports.rtcUdp}`,
    `  node_ip: ${LOOPBACK_HOST}`,
    '  use_external_ip: false',
    '  enable_loopback_candidate: true',
    ...foreign,
    '  interfaces:',
    '    includes:',
    '      - lo',
    'turn:',
    '  enabled: true',
    `  udp_port: ${ports.turnUdp}`,
    '  bind_addresses:',
    `    - ${LOOPBACK_HOST}`,
    // The SFU is on 127.0.0.1, a "restricted" peer the relay refuses unless allowed here.
    '  allow_restricted_peer_cidrs:',
    '    - 127.0.0.0/8',
    '  deny_peer_cidrs:',
    ...NON_LOOPBACK_IPV4.map((cidr) => `    - ${cidr}`),
    // Nodes of a cluster share rooms through Redis; their start line (info) names their node id.
    ...(options.redisAddress ? ['redis:', `  address: ${options.redisAddress}`] : []),
    'keys:',
    `  ${apiKey}: ${apiSecret}`,
    'logging:',
    `  level: ${process.env.DEVSTACK_LIVEKIT_LOG_LEVEL ?? (options.redisAddress ? 'info' : 'warn')}`,
    'room:',
    '  auto_create: true',
    '  empty_timeout: 60',
    '  departure_timeout: 5',
    '',
  ].join('\n');
}

export interface LivekitKeys {
  apiKey: string;
  apiSecret: string;
}

export function newLivekitKeys(): LivekitKeys {
  return { apiKey: `devkey${randomBytes(4).toString('hex')}`, apiSecret: randomBytes(24).toString('hex') };
}

const NODE_ID_PATTERN = /"nodeID": "(ND_[A-Za-z0-9]+)"/;

export class LivekitServer {
  readonly apiKey: string;
  readonly apiSecret: string;
  private child: ChildProcess | undefined;
  private outputTail = '';
  private startOutput = '';
  /** The node id of the running process, read from its start line (cluster nodes only). */
  nodeId: string | undefined;

  private constructor(
    readonly binaryPath: string,
    readonly ports: LivekitServerPorts,
    private readonly workDirectory: string,
    keys: LivekitKeys,
  ) {
    this.apiKey = keys.apiKey;
    this.apiSecret = keys.apiSecret;
  }

  /**
   * Picks free ports, writes the config and starts the server; resolves once it answers HTTP.
   * With `redisAddress` it is one node of a cluster (all nodes then share `keys`).
   */
  static async start(
    options: { binaryPath?: string; foreignIceServers?: boolean; redisAddress?: string; keys?: LivekitKeys } = {},
  ): Promise<LivekitServer> {
    const binaryPath = options.binaryPath ?? livekitBinaryPath();
    if (!existsSync(binaryPath)) throw new LivekitBinaryMissingError(binaryPath);
    let lastError: unknown;
    // A port can still be taken between the check and LiveKit's bind: try fresh ports again.
    for (let attempt = 0; attempt < START_ATTEMPTS; attempt += 1) {
      const rtcUdp = await freeUdpPort();
      let turnUdp = await freeUdpPort();
      while (turnUdp === rtcUdp) turnUdp = await freeUdpPort();
      const ports = { signal: await freeTcpPort(), rtcTcp: await freeTcpPort(), rtcUdp, turnUdp };
      const workDirectory = await mkdtemp(join(tmpdir(), 'visio-livekit-'));
      const server = new LivekitServer(binaryPath, ports, workDirectory, options.keys ?? newLivekitKeys());
      const configOptions = { foreignIceServers: options.foreignIceServers ?? false, redisAddress: options.redisAddress };
      await writeFile(server.configPath, livekitConfigYaml(ports, server.apiKey, server.apiSecret, configOptions), {
        mode: 0o600,
      });
      try {
        await server.launch();
        return server;
      } catch (error) {
        lastError = error;
        await server.stop();
      }
    }
    throw lastError;
  }

  /** `ws://127.0.0.1:PORT`, what clients connect to. */
  get url(): string {
    return `ws://${LOOPBACK_HOST}:${this.ports.signal}`;
  }

  /** `http://127.0.0.1:PORT`, for the server SDK's room service. */
  get httpUrl(): string {
    return `http://${LOOPBACK_HOST}:${this.ports.signal}`;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  private get configPath(): string {
    return join(this.workDirectory, 'livekit.yaml');
  }

  /** Starts the server again on the same ports and keys, after `stopProcess()`. */
  async restart(): Promise<void> {
    await this.stopProcess();
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.launch();
        return;
      } catch (error) {
        // The old sockets may linger for a moment after the process is gone.
        if (attempt >= START_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  }

  /** Stops the process but keeps ports, keys and config, so `restart()` can bring it back. */
  async stopProcess(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // LiveKit drains on the first signal (waiting for participants) and stops at once on the second.
    child.kill('SIGTERM');
    setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill('SIGTERM'), 200).unref();
    const killTimer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(killTimer);
  }

  /** Kills the process at once, as a machine dying would: no goodbye to clients or to Redis. */
  async killProcess(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  /** Stops the process and removes its config folder. */
  async stop(): Promise<void> {
    await this.stopProcess();
    await rm(this.workDirectory, { recursive: true, force: true });
  }

  private async launch(): Promise<void> {
    this.outputTail = '';
    this.startOutput = '';
    this.nodeId = undefined;
    const child = spawn(this.binaryPath, ['--config', this.configPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    // If the owning process exits without stop() (a crashed test worker), take the server along.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.removeListener('exit', killOnExit));
    // DEVSTACK_LIVEKIT_LOG=<file>: the server's whole output, to read a benchmark's run afterwards.
    const logFile = process.env.DEVSTACK_LIVEKIT_LOG;
    const keepTail = (chunk: Buffer) => {
      if (logFile) appendFileSync(logFile, chunk);
      this.outputTail = (this.outputTail + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
      if (this.nodeId || this.startOutput.length > OUTPUT_TAIL_CHARS * 4) return;
      this.startOutput += chunk.toString();
      this.nodeId = NODE_ID_PATTERN.exec(this.startOutput)?.[1];
    };
    child.stdout?.on('data', keepTail);
    child.stderr?.on('data', keepTail);
    const exitedEarly = new Promise<never>((_, reject) => {
      child.once('exit', (code, signal) =>
        reject(new Error(`LiveKit server exited (${code ?? signal}) before it was ready:\n${this.outputTail}`)),
      );
      child.once('error', reject);
    });
    exitedEarly.catch(() => undefined);
    try {
      await Promise.race([this.waitUntilReady(), exitedEarly]);
    } catch (error) {
      await this.stopProcess();
      throw error;
    }
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(this.httpUrl, { signal: AbortSignal.timeout(1_000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`LiveKit server did not answer on ${this.httpUrl} within ${READY_TIMEOUT_MS} ms:\n${this.outputTail}`);
  }
}
