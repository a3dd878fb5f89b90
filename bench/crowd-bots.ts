// The bots of a large meeting, held by one Go process (bench/crowd): the muted majority, the
// cameras and the speakers. rtc-node keeps one room per participant in the Node process and slows
// down past about fifty of them, and its bots encode their video in software (25 cameras took about
// a core); LiveKit's Go SDK holds a hundred and more, and sends clips encoded once
// (bench/crowd-media.ts), so the figures measure the app, not the bots.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { mintToken, type BotBackend } from '../devstack/bot';
import type { CrowdMedia } from './crowd-media';

const SOURCE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'crowd');
/** Part of the program's path: how the benchmarks tell its CPU apart. */
export const CROWD_PROGRAM_PATH = '/visio-devstack/bin/crowd-';

export interface CrowdMember {
  identity: string;
  name: string;
  /** Publishes a simulcast camera. */
  camera?: boolean;
  /** Publishes a voice, quiet until given the floor; the others' microphones send nothing. */
  speaker?: boolean;
}

export interface CrowdBots {
  readonly joined: number;
  /** Gives the floor to this speaker (the others go quiet); `undefined` silences them all. */
  giveFloor(identity: string | undefined): void;
  stop(): Promise<void>;
}

/** Builds the crowd program once per version of its source, into the devstack's cache. */
async function crowdBinary(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of ['go.mod', 'go.sum', 'main.go']) hash.update(readFileSync(join(SOURCE_DIR, file)));
  const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const binary = `${cacheHome}${CROWD_PROGRAM_PATH}${hash.digest('hex').slice(0, 12)}`;
  if (existsSync(binary)) return binary;
  await mkdir(dirname(binary), { recursive: true });
  console.log('  building bench/crowd (Go, LiveKit server SDK): first run only');
  await new Promise<void>((resolve, reject) => {
    const build = spawn('go', ['build', '-o', binary, '.'], { cwd: SOURCE_DIR, stdio: ['ignore', 'inherit', 'inherit'] });
    build.on('error', reject);
    build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go build exited with ${code}`))));
  });
  return binary;
}

/**
 * Joins `members` to `room`, `concurrency` at a time, cameras and voices sent from `media`; resolves
 * once each has joined or failed (a failure rejects, naming the participant).
 */
export async function joinCrowdBots(
  backend: BotBackend,
  room: string,
  members: CrowdMember[],
  options: { concurrency: number; media?: CrowdMedia; onJoined?: (count: number) => void },
): Promise<CrowdBots> {
  const binary = await crowdBinary();
  const participants = await Promise.all(
    members.map(async ({ identity, name, camera = false, speaker = false }) => ({ identity, camera, speaker, token: await mintToken(backend, room, identity, name) })),
  );
  const child: ChildProcessByStdio<Writable, Readable, null> = spawn(binary, [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let joined = 0;
  const ready = new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`bench/crowd exited with ${code} before every participant joined`)));
    lines.on('line', (line) => {
      const [kind, identity, ...rest] = line.split(' ');
      if (kind === 'joined') options.onJoined?.(++joined);
      else if (kind === 'ready') resolve();
      else if (kind === 'error') reject(new Error(`bench/crowd: ${identity} could not join: ${rest.join(' ')}`));
    });
  });
  child.stdin.write(`${JSON.stringify({ url: backend.livekitUrl, concurrency: options.concurrency, media: options.media, participants })}\n`);
  const stop = async () => {
    child.stdin.end();
    await exited;
  };
  try {
    await ready;
  } catch (error) {
    child.kill();
    await exited;
    throw error;
  }
  return {
    joined,
    giveFloor: (identity) => {
      if (child.stdin.writable) child.stdin.write(`speak ${identity ?? '-'}\n`);
    },
    stop,
  };
}
