// RNNoise in an AudioWorklet: the microphone goes through a Web Audio graph of its own, and the
// graph's output is the track that is sent. The worklet script and the network inside it
// (WebAssembly, embedded in the script) are bundled by Vite and served by the app itself.
import { NoiseSuppressorWorklet_Name } from '@timephy/rnnoise-wasm';
import noiseSuppressorWorkletUrl from '@timephy/rnnoise-wasm/NoiseSuppressorWorklet?worker&url';
import type { Denoiser } from './noise-suppression';

/** RNNoise works on 10 ms frames of 48 kHz audio: the graph runs at that rate whatever the device's. */
export const RNNOISE_SAMPLE_RATE = 48_000;

/**
 * Starts denoising `track`. Rejects when the worklet cannot be loaded (missing file, policy);
 * `onError` reports a worklet that loaded but fails on the audio thread (its WebAssembly refused
 * or crashing), whose output is silence from then on.
 */
export async function startRnnoiseDenoiser(track: MediaStreamTrack, onError: () => void): Promise<Denoiser> {
  // A context of our own rather than the room's: it runs at RNNoise's rate, and its life is the
  // processor's.
  const context = new AudioContext({ sampleRate: RNNOISE_SAMPLE_RATE, latencyHint: 'interactive' });
  try {
    await context.audioWorklet.addModule(noiseSuppressorWorkletUrl);
    const source = context.createMediaStreamSource(new MediaStream([track]));
    // Mono in and out: the worklet denoises its first channel only, and a second, silent one
    // would halve the voice once the encoder mixes the two down.
    const denoiser = new AudioWorkletNode(context, NoiseSuppressorWorklet_Name, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      channelCount: 1,
      channelCountMode: 'explicit',
      outputChannelCount: [1],
    });
    // The handler property, not addEventListener: Chromium delivers this event to the former only.
    denoiser.onprocessorerror = onError;
    const destination = context.createMediaStreamDestination();
    destination.channelCount = 1;
    source.connect(denoiser).connect(destination);
    const [denoised] = destination.stream.getAudioTracks();
    if (!denoised) throw new Error('no denoised track');
    // Created after a click (joining, a switch), the context may start suspended all the same.
    void context.resume().catch(() => undefined);
    return {
      track: denoised,
      async stop() {
        denoiser.onprocessorerror = null;
        source.disconnect();
        denoiser.disconnect();
        denoised.stop();
        await context.close();
      },
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}
