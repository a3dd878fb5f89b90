// Background effects (blur or picture) on a local camera track. The processor that draws them is
// loaded lazily, and an effect that cannot start never costs the camera: the track then goes out
// as captured and the caller gets the reason to tell the user.
import type { LocalVideoTrack, ProcessorOptions, Track, TrackProcessor } from 'livekit-client';
import { changeTrackProcessor } from '../media-processing/track-processor-change';
import { blurAssetUrls } from './blur-assets';
import { isBlurSoftwareRenderedHere, isBlurSupportedHere } from './blur-support';
import type { EffectRendering } from './effect-rendering';
import type { SwitchableVideoProcessor } from './switchable-processor';

export type EffectFailure = 'unsupported' | 'load_failed';

export const EFFECT_PROCESSOR_NAME = 'visio-background-effect';

type VideoProcessor = TrackProcessor<Track.Kind.Video>;

export type LoadEffect = (rendering: EffectRendering) => Promise<SwitchableVideoProcessor>;

/** WebGL where a GPU draws it; without one, the processor's own path (cpu-blur-processor.ts). */
const loadSegmentingEffect: LoadEffect = async (rendering) => {
  const assets = blurAssetUrls(window.location.href);
  if (isBlurSoftwareRenderedHere()) {
    const { CpuBlurProcessor } = await import('./cpu-blur-processor');
    return new CpuBlurProcessor(assets, rendering);
  }
  const { createSegmentingEffect } = await import('./blur-processor');
  return createSegmentingEffect(assets, rendering);
};

/**
 * The processor set on the camera track. When the effect fails to load or start (missing file,
 * WebAssembly or WebGL refused), it lets the camera's own frames through and records why.
 */
export class BackgroundEffectProcessor implements VideoProcessor {
  readonly name = EFFECT_PROCESSOR_NAME;
  failure: EffectFailure | null = null;
  private effect: SwitchableVideoProcessor | undefined;

  constructor(
    private rendering: EffectRendering,
    private readonly load: LoadEffect = loadSegmentingEffect,
    private readonly onFailure: (failure: EffectFailure) => void = () => undefined,
  ) {}

  /** The processed track; undefined while the effect is not running, so the camera's own track is sent. */
  get processedTrack(): MediaStreamTrack | undefined {
    return this.effect?.processedTrack;
  }

  async init(options: ProcessorOptions<Track.Kind.Video>): Promise<void> {
    let effect: SwitchableVideoProcessor | undefined;
    try {
      effect = await this.load(this.rendering);
      await effect.init(options);
      this.effect = effect;
      this.failure = null;
    } catch {
      await effect?.destroy().catch(() => undefined);
      this.fail();
    }
  }

  async restart(options: ProcessorOptions<Track.Kind.Video>): Promise<void> {
    if (!this.effect) return this.init(options);
    await this.guard(() => this.effect!.restart(options));
  }

  /** Draws another effect on the same output track, so no unprocessed frame goes out in between. */
  async switchTo(rendering: EffectRendering): Promise<void> {
    this.rendering = rendering;
    if (this.effect) await this.guard(() => this.effect!.switchEffect(rendering));
  }

  async destroy(): Promise<void> {
    const effect = this.effect;
    this.effect = undefined;
    await effect?.destroy().catch(() => undefined);
  }

  private async guard(step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch {
      await this.destroy();
      this.fail();
    }
  }

  private fail(): void {
    this.failure = 'load_failed';
    this.onFailure('load_failed');
  }
}

export function hasBackgroundEffect(track: Pick<LocalVideoTrack, 'getProcessor'>): boolean {
  return track.getProcessor()?.name === EFFECT_PROCESSOR_NAME;
}

/** Where the effect comes from and whether this page can run it (the page's own by default). */
export interface EffectEnvironment {
  load: LoadEffect;
  supported(): boolean;
}

const pageEnvironment: EffectEnvironment = { load: loadSegmentingEffect, supported: isBlurSupportedHere };

/** What applyBackgroundEffect needs of a camera track (a LocalVideoTrack). */
export type EffectTarget = Pick<LocalVideoTrack, 'getProcessor' | 'setProcessor' | 'stopProcessor'>;

/**
 * Sets `rendering` on a running camera track, switching a running effect in place, or removes
 * the effect (null); one change at a time per track. Resolves to why the effect is not on when
 * one was asked for, or null.
 */
export function applyBackgroundEffect(track: EffectTarget, rendering: EffectRendering | null, environment: EffectEnvironment = pageEnvironment): Promise<EffectFailure | null> {
  return changeTrackProcessor<EffectFailure, Parameters<EffectTarget['setProcessor']>[0], BackgroundEffectProcessor>(track, {
    name: EFFECT_PROCESSOR_NAME,
    wanted: rendering !== null,
    reuse: (current) => {
      if (!(current instanceof BackgroundEffectProcessor) || !rendering) return undefined;
      if (current.failure) return Promise.resolve(current.failure);
      return current.switchTo(rendering).then(() => current.failure);
    },
    unavailable: () => (environment.supported() ? null : 'unsupported'),
    create: () => new BackgroundEffectProcessor(rendering!, environment.load),
    refused: 'load_failed',
  });
}

/** The message telling the user why the effect is not on (i18n keys). */
export const effectFailureMessageKey: Record<EffectFailure, string> = {
  unsupported: 'effects.unsupported',
  load_failed: 'effects.loadFailed',
};
