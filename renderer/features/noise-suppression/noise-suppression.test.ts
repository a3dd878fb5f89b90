import type { AudioProcessorOptions, Track, TrackProcessor } from 'livekit-client';
import { describe, expect, it, vi } from 'vitest';
import { applyNoiseSuppression, NOISE_SUPPRESSION_PROCESSOR_NAME, NoiseSuppressionProcessor, type Denoiser, type StartDenoiser } from './noise-suppression';

type AudioProcessor = TrackProcessor<Track.Kind.Audio, AudioProcessorOptions>;

const microphone = (id: string) => ({ id, kind: 'audio' }) as MediaStreamTrack;
const options = (track: MediaStreamTrack) => ({ kind: 'audio', track, audioContext: {} }) as unknown as AudioProcessorOptions;

/** A denoiser that hands back a track of its own, and can be broken from the test. */
function fakeDenoisers() {
  const started: { input: MediaStreamTrack; denoiser: Denoiser; stopped: boolean; break(): void }[] = [];
  const start: StartDenoiser = async (input, onError) => {
    const entry = {
      input,
      stopped: false,
      denoiser: { track: microphone(`denoised-${input.id}`), stop: async () => void (entry.stopped = true) },
      break: onError,
    };
    started.push(entry);
    return entry.denoiser;
  };
  return { start, started };
}

/** What livekit-client's LocalAudioTrack does with a processor, as far as we rely on it. */
function fakeTrack() {
  let processor: AudioProcessor | undefined;
  return {
    sent: microphone('mic'),
    getProcessor: () => processor,
    async setProcessor(next: AudioProcessor) {
      await processor?.destroy();
      await next.init(options(microphone('mic')));
      processor = next;
      this.sent = next.processedTrack ?? microphone('mic');
    },
    async stopProcessor() {
      await processor?.destroy();
      processor = undefined;
      this.sent = microphone('mic');
    },
  };
}

describe('noise suppression processor', () => {
  it('sends the denoised track, and denoises a new microphone after a device change', async () => {
    const { start, started } = fakeDenoisers();
    const processor = new NoiseSuppressionProcessor(start);
    await processor.init(options(microphone('mic-1')));
    expect(processor.processedTrack?.id).toBe('denoised-mic-1');
    await processor.restart(options(microphone('mic-2')));
    expect(started[0]!.stopped).toBe(true);
    expect(processor.processedTrack?.id).toBe('denoised-mic-2');
    await processor.destroy();
    expect(started[1]!.stopped).toBe(true);
    expect(processor.processedTrack).toBeUndefined();
  });

  it('lets the microphone through as captured when the denoiser cannot load', async () => {
    const onFailure = vi.fn();
    const processor = new NoiseSuppressionProcessor(() => Promise.reject(new Error('404')), onFailure);
    await expect(processor.init(options(microphone('mic')))).resolves.toBeUndefined();
    expect(processor.processedTrack).toBeUndefined();
    expect(processor.failure).toBe('load_failed');
    expect(onFailure).toHaveBeenCalledWith('load_failed');
  });

  it('gives the microphone back when the running denoiser breaks, and ignores one already replaced', async () => {
    const { start, started } = fakeDenoisers();
    const onFailure = vi.fn();
    const processor = new NoiseSuppressionProcessor(start, onFailure);
    await processor.init(options(microphone('mic-1')));
    await processor.restart(options(microphone('mic-2')));
    started[0]!.break();
    expect(onFailure).not.toHaveBeenCalled();
    started[1]!.break();
    expect(onFailure).toHaveBeenCalledWith('load_failed');
    expect(processor.processedTrack).toBeUndefined();
    expect(started[1]!.stopped).toBe(true);
  });

  it('never sends the silence of a denoiser that broke while starting', async () => {
    const stopped: string[] = [];
    const start: StartDenoiser = async (input, onError) => {
      onError();
      return { track: microphone('denoised'), stop: async () => void stopped.push(input.id) };
    };
    const processor = new NoiseSuppressionProcessor(start);
    await processor.init(options(microphone('mic')));
    expect(processor.processedTrack).toBeUndefined();
    expect(processor.failure).toBe('load_failed');
    expect(stopped).toEqual(['mic']);
  });
});

describe('applying noise suppression to the microphone', () => {
  it('sets the denoiser on the track, keeps it when asked again, and removes it', async () => {
    const { start, started } = fakeDenoisers();
    const track = fakeTrack();
    expect(await applyNoiseSuppression(track, true, { start })).toBeNull();
    expect(track.getProcessor()?.name).toBe(NOISE_SUPPRESSION_PROCESSOR_NAME);
    expect(track.sent.id).toBe('denoised-mic');
    expect(await applyNoiseSuppression(track, true, { start })).toBeNull();
    expect(started).toHaveLength(1);
    expect(await applyNoiseSuppression(track, false, { start })).toBeNull();
    expect(track.getProcessor()).toBeUndefined();
    expect(track.sent.id).toBe('mic');
  });

  it('leaves nothing on the track when the denoiser cannot load, and says why', async () => {
    const track = fakeTrack();
    const failure = await applyNoiseSuppression(track, true, { start: () => Promise.reject(new Error('refused')) });
    expect(failure).toBe('load_failed');
    expect(track.getProcessor()).toBeUndefined();
    expect(track.sent.id).toBe('mic');
  });

  it('says why when livekit-client refuses the processor (no audio context)', async () => {
    const track = { ...fakeTrack(), setProcessor: () => Promise.reject(new Error('Audio context needs to be set')) };
    expect(await applyNoiseSuppression(track, true, fakeDenoisers())).toBe('load_failed');
  });

  it('applies changes one after the other', async () => {
    const { start } = fakeDenoisers();
    const track = fakeTrack();
    const changes = [applyNoiseSuppression(track, true, { start }), applyNoiseSuppression(track, false, { start }), applyNoiseSuppression(track, true, { start })];
    expect(await Promise.all(changes)).toEqual([null, null, null]);
    expect(track.getProcessor()?.name).toBe(NOISE_SUPPRESSION_PROCESSOR_NAME);
  });

  it('reports a denoiser that breaks later to the caller', async () => {
    const { start, started } = fakeDenoisers();
    const onFailure = vi.fn();
    await applyNoiseSuppression(fakeTrack(), true, { start, onFailure });
    started[0]!.break();
    expect(onFailure).toHaveBeenCalledWith('load_failed');
  });
});
