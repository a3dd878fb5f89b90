// Noise suppression on the local microphone: RNNoise, a small recurrent network trained on
// speech, runs on the captured audio before it is sent, as in Meet's web app. A denoiser that
// cannot start, or stops working, never costs the microphone: the track then goes out as
// captured and the caller gets told, to tell the user.
import type { AudioProcessorOptions, LocalAudioTrack, Track, TrackProcessor } from 'livekit-client';
import { changeTrackProcessor } from '../media-processing/track-processor-change';

export type NoiseSuppressionFailure = 'load_failed';

export const NOISE_SUPPRESSION_PROCESSOR_NAME = 'visio-noise-suppression';

/** A running denoiser: the denoised copy of one microphone track. */
export interface Denoiser {
  readonly track: MediaStreamTrack;
  stop(): Promise<void>;
}

/**
 * Starts denoising `track`. `onError` is called if the denoiser breaks once running (its
 * WebAssembly refused or crashing on the audio thread): its output is then silence.
 */
export type StartDenoiser = (track: MediaStreamTrack, onError: () => void) => Promise<Denoiser>;

type AudioProcessor = TrackProcessor<Track.Kind.Audio, AudioProcessorOptions>;

/** The bundled RNNoise AudioWorklet, loaded only when someone's microphone is on. */
const startRnnoise: StartDenoiser = async (track, onError) => {
  const { startRnnoiseDenoiser } = await import('./rnnoise-denoiser');
  return startRnnoiseDenoiser(track, onError);
};

/**
 * The processor set on the microphone track. It never throws: a denoiser that fails to start
 * (at first, or when the microphone changes) leaves `processedTrack` undefined, so livekit-client
 * sends the microphone's own track, and records why.
 */
export class NoiseSuppressionProcessor implements AudioProcessor {
  readonly name = NOISE_SUPPRESSION_PROCESSOR_NAME;
  failure: NoiseSuppressionFailure | null = null;
  private denoiser: Denoiser | undefined;

  constructor(
    private readonly start: StartDenoiser = startRnnoise,
    private readonly onFailure: (failure: NoiseSuppressionFailure) => void = () => undefined,
  ) {}

  get processedTrack(): MediaStreamTrack | undefined {
    return this.denoiser?.track;
  }

  async init(options: AudioProcessorOptions): Promise<void> {
    let started: Denoiser | undefined;
    let broken = false;
    const onError = () => {
      broken = true;
      if (started) this.fail(started);
    };
    try {
      started = await this.start(options.track, onError);
      // Broken while starting: its silence must not replace the microphone.
      if (broken) throw new Error('denoiser broke while starting');
      this.denoiser = started;
      this.failure = null;
    } catch {
      await started?.stop().catch(() => undefined);
      this.fail(undefined);
    }
  }

  /** The microphone changed (another device, or the room's audio context did): denoise the new one. */
  async restart(options: AudioProcessorOptions): Promise<void> {
    await this.destroy();
    if (this.failure) return;
    await this.init(options);
  }

  async destroy(): Promise<void> {
    const denoiser = this.denoiser;
    this.denoiser = undefined;
    await denoiser?.stop().catch(() => undefined);
  }

  /** Only the running denoiser's failure counts: one already replaced or stopped says nothing. */
  private fail(denoiser: Denoiser | undefined): void {
    if (denoiser && denoiser !== this.denoiser) return;
    void this.destroy();
    this.failure = 'load_failed';
    this.onFailure('load_failed');
  }
}

export function isSuppressingNoise(track: Pick<LocalAudioTrack, 'getProcessor'>): boolean {
  return track.getProcessor()?.name === NOISE_SUPPRESSION_PROCESSOR_NAME;
}

/** What applyNoiseSuppression needs of a microphone track (a LocalAudioTrack). */
export type NoiseSuppressionTarget = Pick<LocalAudioTrack, 'getProcessor' | 'setProcessor' | 'stopProcessor'>;

export interface NoiseSuppressionEnvironment {
  start?: StartDenoiser;
  /** A denoiser that breaks later, once set on the track. */
  onFailure?: (failure: NoiseSuppressionFailure) => void;
}

/**
 * Turns noise suppression on or off on a running microphone track; one change at a time per
 * track. Resolves to why it is not on when it was asked for, or null.
 */
export function applyNoiseSuppression(track: NoiseSuppressionTarget, enabled: boolean, environment: NoiseSuppressionEnvironment = {}): Promise<NoiseSuppressionFailure | null> {
  return changeTrackProcessor(track, {
    name: NOISE_SUPPRESSION_PROCESSOR_NAME,
    wanted: enabled,
    reuse: (current) => (current instanceof NoiseSuppressionProcessor && !current.failure ? Promise.resolve(null) : undefined),
    create: () => new NoiseSuppressionProcessor(environment.start, environment.onFailure),
    // No audio context for the track (livekit-client refuses processors then): sent as captured.
    refused: 'load_failed',
  });
}

/** The message telling the user why noise suppression is not on (i18n keys). */
export const noiseSuppressionFailureMessageKey: Record<NoiseSuppressionFailure, string> = {
  load_failed: 'noiseSuppression.loadFailed',
};
