// A noisy microphone for Chromium's fake capture (--use-file-for-fake-audio-capture): a voiced,
// speech-like signal in "words" with pauses between them, and white noise all along. The words
// are a glottal pulse train at a moving pitch through three vowel formants, which RNNoise takes
// for a voice; the noise is what it should take out.
import { writeFileSync } from 'node:fs';

export const SAMPLE_RATE = 48_000;
/** One word and one pause every second; a word is 450 ms. */
export const WORD_CYCLE_SECONDS = 1;
export const WORD_SECONDS = 0.45;

export interface NoisySpeechOptions {
  seconds: number;
  /** Peak amplitude of the words, full scale 1. */
  wordPeak: number;
  /** RMS of the white noise, full scale 1. */
  noiseRms: number;
}

/** The samples, in [-1, 1]; reproducible (a seeded generator). */
export function noisySpeech({ seconds, wordPeak, noiseRms }: NoisySpeechOptions): Float32Array {
  const length = Math.round(seconds * SAMPLE_RATE);
  const voice = new Float32Array(length);
  // Vowel "a": formants at 700, 1220 and 2600 Hz, as two-pole resonators.
  const formants = [
    { frequency: 700, bandwidth: 80, gain: 1 },
    { frequency: 1220, bandwidth: 90, gain: 0.5 },
    { frequency: 2600, bandwidth: 120, gain: 0.25 },
  ].map(({ frequency, bandwidth, gain }) => {
    const radius = Math.exp((-Math.PI * bandwidth) / SAMPLE_RATE);
    return { a1: 2 * radius * Math.cos((2 * Math.PI * frequency) / SAMPLE_RATE), a2: -radius * radius, gain, y1: 0, y2: 0 };
  });
  let phase = 0;
  for (let index = 0; index < length; index++) {
    const time = index / SAMPLE_RATE;
    const inCycle = time % WORD_CYCLE_SECONDS;
    // The pitch of a speaking voice, moving as intonation does.
    phase += (120 + 40 * Math.sin(2 * Math.PI * 3 * time)) / SAMPLE_RATE;
    const pulse = phase >= 1 ? 1 : 0;
    if (phase >= 1) phase -= 1;
    const envelope = inCycle < WORD_SECONDS ? Math.sqrt(Math.sin((Math.PI * inCycle) / WORD_SECONDS)) : 0;
    let sample = 0;
    for (const formant of formants) {
      const y = formant.gain * pulse * envelope + formant.a1 * formant.y1 + formant.a2 * formant.y2;
      formant.y2 = formant.y1;
      formant.y1 = y;
      sample += y;
    }
    voice[index] = sample;
  }
  const peak = voice.reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
  let seed = 0x5eed;
  const uniform = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const gaussian = () => Math.sqrt(-2 * Math.log(uniform() + 1e-12)) * Math.cos(2 * Math.PI * uniform());
  return voice.map((sample) => Math.max(-1, Math.min(1, (sample / peak) * wordPeak + noiseRms * gaussian())));
}

/** Writes `samples` as a mono 16-bit PCM WAV file. */
export function writeWav(path: string, samples: Float32Array, sampleRate = SAMPLE_RATE): void {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((sample, index) => data.writeInt16LE(Math.round(sample * 32767), index * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  writeFileSync(path, Buffer.concat([header, data]));
}
