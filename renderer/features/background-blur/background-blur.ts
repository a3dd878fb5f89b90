// Background blur on a local camera track. The processor that blurs is loaded lazily, and a blur
// that cannot start never costs the camera: the track then goes out sharp and the caller gets the
// reason to tell the user.
import type { LocalVideoTrack, ProcessorOptions, Track, TrackProcessor } from 'livekit-client';
import { blurAssetUrls } from './blur-assets';
import { isBlurSoftwareRenderedHere, isBlurSupportedHere } from './blur-support';

export type BlurFailure = 'unsupported' | 'load_failed';

export const BLUR_PROCESSOR_NAME = 'visio-background-blur';

type VideoProcessor = TrackProcessor<Track.Kind.Video>;
export type LoadBlur = () => Promise<VideoProcessor>;

/** WebGL where a GPU draws it; without one, the processor's own path (cpu-blur-processor.ts). */
const loadSegmentingBlur: LoadBlur = async () => {
  const assets = blurAssetUrls(window.location.href);
  if (isBlurSoftwareRenderedHere()) {
    const { CpuBlurProcessor } = await import('./cpu-blur-processor');
    return new CpuBlurProcessor(assets);
  }
  const { createSegmentingBlur } = await import('./blur-processor');
  return createSegmentingBlur(assets);
};

/**
 * The processor set on the camera track. When the blur fails to load or start (missing file,
 * WebAssembly or WebGL refused), it lets the camera's own frames through and records why.
 */
export class BackgroundBlurProcessor implements VideoProcessor {
  readonly name = BLUR_PROCESSOR_NAME;
  failure: BlurFailure | null = null;
  private blur: VideoProcessor | undefined;

  constructor(
    private readonly load: LoadBlur = loadSegmentingBlur,
    private readonly onFailure: (failure: BlurFailure) => void = () => undefined,
  ) {}

  /** The blurred track; undefined while the blur is not running, so the camera's own track is sent. */
  get processedTrack(): MediaStreamTrack | undefined {
    return this.blur?.processedTrack;
  }

  async init(options: ProcessorOptions<Track.Kind.Video>): Promise<void> {
    let blur: VideoProcessor | undefined;
    try {
      blur = await this.load();
      await blur.init(options);
      this.blur = blur;
      this.failure = null;
    } catch {
      await blur?.destroy().catch(() => undefined);
      this.fail();
    }
  }

  async restart(options: ProcessorOptions<Track.Kind.Video>): Promise<void> {
    if (!this.blur) return this.init(options);
    try {
      await this.blur.restart(options);
    } catch {
      await this.destroy();
      this.fail();
    }
  }

  async destroy(): Promise<void> {
    const blur = this.blur;
    this.blur = undefined;
    await blur?.destroy().catch(() => undefined);
  }

  private fail(): void {
    this.failure = 'load_failed';
    this.onFailure('load_failed');
  }
}

export function isBlurring(track: Pick<LocalVideoTrack, 'getProcessor'>): boolean {
  return track.getProcessor()?.name === BLUR_PROCESSOR_NAME;
}

/** Where the blur comes from and whether this page can run it (the page's own by default). */
export interface BlurEnvironment {
  load: LoadBlur;
  supported(): boolean;
}

const pageEnvironment: BlurEnvironment = { load: loadSegmentingBlur, supported: isBlurSupportedHere };

/** What applyBackgroundBlur needs of a camera track (a LocalVideoTrack). */
export type BlurTarget = Pick<LocalVideoTrack, 'getProcessor' | 'setProcessor' | 'stopProcessor'>;

const pendingChanges = new WeakMap<BlurTarget, Promise<unknown>>();

/**
 * Turns blur on or off on a running camera track; one change at a time per track. Resolves to
 * why blur is not on when it was asked for, or null.
 */
export function applyBackgroundBlur(track: BlurTarget, enabled: boolean, environment: BlurEnvironment = pageEnvironment): Promise<BlurFailure | null> {
  const change = (pendingChanges.get(track) ?? Promise.resolve()).then(async (): Promise<BlurFailure | null> => {
    const current = track.getProcessor();
    if (!enabled) {
      if (current?.name === BLUR_PROCESSOR_NAME) await track.stopProcessor();
      return null;
    }
    if (current instanceof BackgroundBlurProcessor) return current.failure;
    if (!environment.supported()) return 'unsupported';
    const processor = new BackgroundBlurProcessor(environment.load);
    try {
      await track.setProcessor(processor);
    } catch {
      return 'load_failed';
    }
    if (processor.failure) {
      // Nothing left on the track: turning blur on again tries afresh.
      await track.stopProcessor().catch(() => undefined);
      return processor.failure;
    }
    return null;
  });
  pendingChanges.set(track, change.catch(() => undefined));
  return change;
}

/** The message telling the user why blur is not on (i18n keys). */
export const blurFailureMessageKey: Record<BlurFailure, string> = {
  unsupported: 'backgroundBlur.unsupported',
  load_failed: 'backgroundBlur.loadFailed',
};
