// LiveKit as a deployment at a ministry's scale runs it: several nodes sharing rooms through
// Redis, behind one address. A single node stays the default (no Redis, no front).
import { LOOPBACK_HOST } from './free-port';
import { LivekitServer, newLivekitKeys } from './livekit';
import { RedisServer } from './redis';
import { TcpFront } from './tcp-front';

export const MAX_LIVEKIT_NODES = 3;

export interface LivekitDeployment {
  url: string;
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  nodeCount: number;
  /** Stops every node gracefully (ports and keys kept). */
  stopAll(): Promise<void>;
  /** Starts again every node that is not running. */
  startAll(): Promise<void>;
  /** Kills (SIGKILL) every node: the sessions are lost, clients must join afresh. */
  killAll(): Promise<void>;
  /** Kills (SIGKILL) the node that hosts LiveKit room `roomName`; resolves with its node id. */
  killNodeHosting(roomName: string): Promise<string>;
  stop(): Promise<void>;
}

function single(server: LivekitServer): LivekitDeployment {
  return {
    url: server.url,
    httpUrl: server.httpUrl,
    apiKey: server.apiKey,
    apiSecret: server.apiSecret,
    nodeCount: 1,
    stopAll: () => server.stopProcess(),
    startAll: async () => {
      if (!server.running) await server.restart();
    },
    killAll: () => server.killProcess(),
    killNodeHosting: () => Promise.reject(new Error('LiveKit runs as a single node here: start the devstack with livekitNodes ≥ 2.')),
    stop: () => server.stop(),
  };
}

export async function startLivekitDeployment(options: { nodes?: number; foreignIceServers?: boolean } = {}): Promise<LivekitDeployment> {
  const count = options.nodes ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > MAX_LIVEKIT_NODES) throw new Error(`LiveKit nodes: between 1 and ${MAX_LIVEKIT_NODES}, not ${count}.`);
  if (count === 1) return single(await LivekitServer.start({ foreignIceServers: options.foreignIceServers }));

  const redis = await RedisServer.start();
  const keys = newLivekitKeys();
  const nodes: LivekitServer[] = [];
  let front: TcpFront | undefined;
  try {
    // One after the other: each node's start line is read for its id.
    for (let index = 0; index < count; index += 1) {
      nodes.push(await LivekitServer.start({ foreignIceServers: options.foreignIceServers, redisAddress: redis.address, keys }));
    }
    front = await TcpFront.start(() => nodes.filter((node) => node.running).map((node) => node.ports.signal));
  } catch (error) {
    await Promise.allSettled(nodes.map((node) => node.stop()));
    await redis.stop();
    throw error;
  }
  const startedFront = front;
  return {
    url: `ws://${LOOPBACK_HOST}:${startedFront.port}`,
    httpUrl: `http://${LOOPBACK_HOST}:${startedFront.port}`,
    ...keys,
    nodeCount: count,
    stopAll: async () => {
      await Promise.all(nodes.map((node) => node.stopProcess()));
    },
    startAll: async () => {
      for (const node of nodes) if (!node.running) await node.restart();
    },
    killAll: async () => {
      await Promise.all(nodes.map((node) => node.killProcess()));
    },
    async killNodeHosting(roomName) {
      const nodeId = await redis.command('HGET', 'room_node_map', roomName);
      if (!nodeId) throw new Error(`No LiveKit node hosts room ${roomName}.`);
      const node = nodes.find((candidate) => candidate.running && candidate.nodeId === nodeId);
      if (!node) throw new Error(`Node ${nodeId}, hosting room ${roomName}, is not one of the running nodes.`);
      await node.killProcess();
      return nodeId;
    },
    stop: async () => {
      await startedFront.stop();
      await Promise.allSettled(nodes.map((node) => node.stop()));
      await redis.stop();
    },
  };
}
