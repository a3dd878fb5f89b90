// LiveKit as a cluster against real processes: two nodes, Debian's redis-server, the TCP front.
import { Room, dispose } from '@livekit/rtc-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from './bot';
import { startLivekitDeployment, type LivekitDeployment } from './livekit-cluster';
import { redisServerPath } from './redis';

let cluster: LivekitDeployment;
const rooms: Room[] = [];

async function join(roomName: string, identity: string): Promise<Room> {
  const room = new Room();
  await room.connect(cluster.url, await mintToken(cluster, roomName, identity, identity), { autoSubscribe: false, dynacast: false });
  rooms.push(room);
  return room;
}

beforeAll(async () => {
  cluster = await startLivekitDeployment({ nodes: 2 });
}, 180_000);

afterAll(async () => {
  await Promise.allSettled(rooms.map((room) => room.disconnect()));
  await cluster?.stop();
  await dispose();
});

describe('a two-node LiveKit cluster', () => {
  it('serves a room to participants joining through the one front address', async () => {
    const alice = await join('cluster-room', 'alice');
    const bob = await join('cluster-room', 'bob');
    await expect.poll(() => [...alice.remoteParticipants.keys()], { timeout: 60_000 }).toContain('bob');
    expect([...bob.remoteParticipants.keys()]).toContain('alice');
  }, 180_000);

  it('kills the node hosting a room; the room is served again by the other node', async () => {
    await join('doomed-room', 'carol');
    const killed = await cluster.killNodeHosting('doomed-room');
    expect(killed).toMatch(/^ND_/);
    // The dead node's stats go stale first; then the room goes to the surviving node.
    await expect.poll(async () => join('doomed-room', `dave-${Date.now()}`).then(() => true, () => false), { timeout: 120_000, interval: 1_000 }).toBe(true);
    await expect(cluster.killNodeHosting('no-such-room')).rejects.toThrow(/No LiveKit node hosts room/);
    await cluster.startAll();
  }, 240_000);
});

describe('redisServerPath', () => {
  it('finds redis-server on PATH or in /usr/bin, and reports an absent one', () => {
    expect(redisServerPath({ PATH: '/nowhere' })).toBe('/usr/bin/redis-server');
    expect(redisServerPath({ VISIO_REDIS_SERVER: '/nowhere/redis-server' })).toBeUndefined();
  });
});
