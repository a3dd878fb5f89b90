// What the crowd's cameras and speakers send, encoded once and kept in the devstack's cache: a short
// VP8 clip per simulcast layer (its size written on it, a bar sweeping across) and two Opus tones,
// one loud enough for LiveKit to count the participant as speaking and one under that level.
// bench/crowd sends them in a loop, so a camera costs the bots no encoding at all. Debian Chromium
// encodes them (WebCodecs), offline; the files are IVF (32-byte header, 12-byte frame headers),
// which bench/crowd reads with pion's ivfreader (the Opus tones use the same framing, 20 ms a packet).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../e2e/browser';

export type LayerQuality = 'low' | 'medium' | 'high';

export interface VideoLayer {
  quality: LayerQuality;
  width: number;
  height: number;
  /** Bits per second the encoder aims at. */
  bitrate: number;
}

/** The three layers a browser publishes for a 640×360 camera. */
export const CAMERA_LAYERS: readonly VideoLayer[] = [
  { quality: 'low', width: 160, height: 90, bitrate: 60_000 },
  { quality: 'medium', width: 320, height: 180, bitrate: 180_000 },
  { quality: 'high', width: 640, height: 360, bitrate: 500_000 },
];

export interface Tone {
  path: string;
  /** RTP audio level (-dBov, 0 the loudest, 127 silence), which LiveKit's active-speaker detection reads. */
  level: number;
}

export interface CrowdMedia {
  fps: number;
  layers: (VideoLayer & { path: string })[];
  loud: Tone;
  quiet: Tone;
}

const CLIP_SECONDS = 10;
const SAMPLE_RATE = 48_000;
const OPUS_PACKET_SAMPLES = 960; // 20 ms
const OPUS_PACKETS_PER_SECOND = SAMPLE_RATE / OPUS_PACKET_SAMPLES;
const TONE_HZ = 400;
const TONE_SECONDS = 2;
const OPUS_BITRATE = 32_000;

/** The level a sine of this peak (out of 32767) is sent with: its RMS in -dBov. */
export function toneLevel(amplitude: number): number {
  const rms = amplitude / Math.SQRT2 / 32_768;
  return Math.min(127, Math.max(0, Math.round(-20 * Math.log10(rms))));
}

interface EncodedChunk {
  key: boolean;
  /** Base64. */
  data: string;
}

interface EncodeRequest {
  fps: number;
  frames: number;
  layers: readonly VideoLayer[];
  tone: { hz: number; sampleRate: number; packetSamples: number; packets: number; bitrate: number; amplitudes: number[] };
}

interface EncodeResult {
  video: EncodedChunk[][];
  audio: EncodedChunk[][];
}

// Page-side code is sent as source text: the TypeScript runner adds helpers that the page lacks.
const ENCODE_IN_PAGE = `async (request) => {
  const toBase64 = (bytes) => {
    let text = '';
    for (let index = 0; index < bytes.length; index += 0x8000) text += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
    return btoa(text);
  };
  const collect = (chunks) => (chunk) => {
    const bytes = new Uint8Array(chunk.byteLength);
    chunk.copyTo(bytes);
    chunks.push({ key: chunk.type === 'key', data: toBase64(bytes) });
  };
  const encodeLayer = async ({ width, height, bitrate }) => {
    const chunks = [];
    let failure;
    const encoder = new VideoEncoder({ output: collect(chunks), error: (error) => { failure = error; } });
    encoder.configure({ codec: 'vp8', width, height, bitrate, framerate: request.fps, latencyMode: 'quality' });
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    const bar = Math.max(4, Math.round(width / 16));
    for (let index = 0; index < request.frames; index += 1) {
      context.fillStyle = '#1d3557';
      context.fillRect(0, 0, width, height);
      context.fillStyle = '#f1c40f';
      context.fillRect(Math.round(((width - bar) * index) / request.frames), 0, bar, height);
      context.fillStyle = '#ffffff';
      context.font = 'bold ' + Math.round(height / 5) + 'px sans-serif';
      context.textAlign = 'center';
      context.textBaseline = 'middle';
      context.fillText(width + '×' + height, width / 2, height / 2);
      const frame = new VideoFrame(canvas, { timestamp: Math.round((index * 1e6) / request.fps), duration: Math.round(1e6 / request.fps) });
      encoder.encode(frame, { keyFrame: index % request.fps === 0 });
      frame.close();
    }
    await encoder.flush();
    encoder.close();
    if (failure) throw failure;
    return chunks;
  };
  const encodeTone = async (amplitude) => {
    const { hz, sampleRate, packetSamples, packets, bitrate } = request.tone;
    const chunks = [];
    let failure;
    const encoder = new AudioEncoder({ output: collect(chunks), error: (error) => { failure = error; } });
    encoder.configure({ codec: 'opus', sampleRate, numberOfChannels: 1, bitrate });
    for (let packet = 0; packet < packets; packet += 1) {
      const samples = new Float32Array(packetSamples);
      for (let index = 0; index < packetSamples; index += 1) {
        samples[index] = (amplitude / 32768) * Math.sin((2 * Math.PI * hz * (packet * packetSamples + index)) / sampleRate);
      }
      const data = new AudioData({ format: 'f32-planar', sampleRate, numberOfFrames: packetSamples, numberOfChannels: 1, timestamp: Math.round((packet * packetSamples * 1e6) / sampleRate), data: samples });
      encoder.encode(data);
      data.close();
    }
    await encoder.flush();
    encoder.close();
    if (failure) throw failure;
    return chunks;
  };
  const video = [];
  for (const layer of request.layers) video.push(await encodeLayer(layer));
  const audio = [];
  for (const amplitude of request.tone.amplitudes) audio.push(await encodeTone(amplitude));
  return { video, audio };
}`;

/** An IVF file: the 32-byte header, then each frame behind its 12-byte header (size, timestamp). */
export function ivfFile(fourcc: string, width: number, height: number, framesPerSecond: number, frames: readonly Buffer[]): Buffer {
  const header = Buffer.alloc(32);
  header.write('DKIF', 0, 'ascii');
  header.writeUInt16LE(0, 4);
  header.writeUInt16LE(32, 6);
  header.write(fourcc, 8, 'ascii');
  header.writeUInt16LE(width, 12);
  header.writeUInt16LE(height, 14);
  header.writeUInt32LE(framesPerSecond, 16);
  header.writeUInt32LE(1, 20);
  header.writeUInt32LE(frames.length, 24);
  const parts: Buffer[] = [header];
  frames.forEach((frame, index) => {
    const frameHeader = Buffer.alloc(12);
    frameHeader.writeUInt32LE(frame.length, 0);
    frameHeader.writeBigUInt64LE(BigInt(index), 4);
    parts.push(frameHeader, frame);
  });
  return Buffer.concat(parts);
}

async function encodeInChromium(request: EncodeRequest): Promise<EncodeResult> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // WebCodecs needs a secure context: a local address, answered here without any server.
    await page.route('http://localhost/', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>crowd media</title>' }));
    await page.goto('http://localhost/');
    return await page.evaluate(`(${ENCODE_IN_PAGE})(${JSON.stringify(request)})`);
  } finally {
    await browser.close();
  }
}

function chunksToFrames(chunks: readonly EncodedChunk[], what: string, expected?: number): Buffer[] {
  if (chunks.length === 0 || (expected !== undefined && chunks.length !== expected)) {
    throw new Error(`crowd media: ${what} came out as ${chunks.length} chunks${expected === undefined ? '' : ` instead of ${expected}`}`);
  }
  if (chunks[0]?.key === false) throw new Error(`crowd media: ${what} does not start on a key frame`);
  return chunks.map((chunk) => Buffer.from(chunk.data, 'base64'));
}

/**
 * The clips for `fps` frames per second, key frame every second, and the tones at these peaks
 * (out of 32767); encoded on first use, then read from the cache.
 */
export async function crowdMedia(fps: number, loudAmplitude: number, quietAmplitude: number): Promise<CrowdMedia> {
  const request: EncodeRequest = {
    fps,
    frames: fps * CLIP_SECONDS,
    layers: CAMERA_LAYERS,
    tone: {
      hz: TONE_HZ,
      sampleRate: SAMPLE_RATE,
      packetSamples: OPUS_PACKET_SAMPLES,
      packets: OPUS_PACKETS_PER_SECOND * TONE_SECONDS,
      bitrate: OPUS_BITRATE,
      amplitudes: [loudAmplitude, quietAmplitude],
    },
  };
  const hash = createHash('sha256').update(ENCODE_IN_PAGE).update(JSON.stringify(request)).digest('hex').slice(0, 12);
  const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const directory = join(cacheHome, 'visio-devstack', 'bench-video', hash);
  const media: CrowdMedia = {
    fps,
    layers: CAMERA_LAYERS.map((layer) => ({ ...layer, path: join(directory, `${layer.quality}.ivf`) })),
    loud: { path: join(directory, 'loud.ivf'), level: toneLevel(loudAmplitude) },
    quiet: { path: join(directory, 'quiet.ivf'), level: toneLevel(quietAmplitude) },
  };
  if (existsSync(directory)) return media;

  console.log('  encoding the crowd cameras and voices (Chromium, WebCodecs): first run only');
  const encoded = await encodeInChromium(request);
  const parent = join(cacheHome, 'visio-devstack', 'bench-video');
  await mkdir(parent, { recursive: true });
  // Written aside and renamed, so a run started meanwhile never reads half a clip.
  const staging = await mkdtemp(join(parent, `${hash}-`));
  try {
    for (const [index, layer] of CAMERA_LAYERS.entries()) {
      const frames = chunksToFrames(encoded.video[index] ?? [], `the ${layer.quality} layer`, request.frames);
      await writeFile(join(staging, `${layer.quality}.ivf`), ivfFile('VP80', layer.width, layer.height, fps, frames));
    }
    for (const [index, name] of ['loud', 'quiet'].entries()) {
      const packets = chunksToFrames(encoded.audio[index] ?? [], `the ${name} tone`);
      await writeFile(join(staging, `${name}.ivf`), ivfFile('OPUS', 0, 0, OPUS_PACKETS_PER_SECOND, packets));
    }
    await rename(staging, directory);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(directory)) throw error;
  }
  return media;
}
