import type { ProcessorOptions, Track, TrackProcessor } from 'livekit-client';
import { describe, expect, it } from 'vitest';
import en from '../../../common/locales/en/renderer.json' with { type: 'json' };
import fr from '../../../common/locales/fr/renderer.json' with { type: 'json' };
import {
  applyBackgroundEffect,
  BackgroundEffectProcessor,
  EFFECT_PROCESSOR_NAME,
  effectFailureMessageKey,
  hasBackgroundEffect,
  type EffectEnvironment,
  type EffectTarget,
} from './background-blur';
import type { EffectRendering } from './effect-rendering';
import type { SwitchableVideoProcessor } from './switchable-processor';

type VideoProcessor = TrackProcessor<Track.Kind.Video>;

const blur: EffectRendering = { mode: 'blur', radius: 20 };
const picture: EffectRendering = { mode: 'image', imageUrl: 'app://visio/assets/lavender.png' };
const options = { kind: 'video', track: {} as MediaStreamTrack } as ProcessorOptions<Track.Kind.Video>;

/** A processor that records its life, as @livekit/track-processors' would live it. */
function fakeBlur(behaviour: { initFails?: boolean; restartFails?: boolean; switchFails?: boolean } = {}) {
  const calls: string[] = [];
  const processedTrack = { id: 'blurred' } as MediaStreamTrack;
  const processor: SwitchableVideoProcessor = {
    name: 'background-processor',
    processedTrack,
    async init() {
      calls.push('init');
      if (behaviour.initFails) throw new Error('model not found');
    },
    async restart() {
      calls.push('restart');
      if (behaviour.restartFails) throw new Error('WebGL lost');
    },
    async switchEffect(rendering) {
      calls.push(`switch ${rendering.mode}`);
      if (behaviour.switchFails) throw new Error('picture unreadable');
    },
    async destroy() {
      calls.push('destroy');
    },
  };
  return { processor, calls, processedTrack };
}

/** The part of a LocalVideoTrack that blur uses: a processor slot, set and stopped as LiveKit does. */
function fakeTrack() {
  let current: VideoProcessor | undefined;
  const log: string[] = [];
  const track: EffectTarget = {
    getProcessor: () => current,
    async setProcessor(processor) {
      log.push('set');
      await processor.init(options);
      current = processor;
    },
    async stopProcessor() {
      log.push('stop');
      const stopped = current;
      current = undefined;
      await stopped?.destroy();
    },
  } as EffectTarget;
  return { track, log };
}

const supported = (load: EffectEnvironment['load']): EffectEnvironment => ({ load, supported: () => true });

describe('the background effect processor', () => {
  it('sends the blurred track once the blur runs, and passes restarts and teardown on', async () => {
    const fake = fakeBlur();
    const processor = new BackgroundEffectProcessor(blur, async () => fake.processor);
    expect(processor.processedTrack).toBeUndefined();
    await processor.init(options);
    expect(processor.processedTrack).toBe(fake.processedTrack);
    expect(processor.failure).toBeNull();
    await processor.restart(options);
    await processor.destroy();
    expect(fake.calls).toEqual(['init', 'restart', 'destroy']);
    expect(processor.processedTrack).toBeUndefined();
  });

  it('lets the camera through sharp, and says so, when the blur cannot load', async () => {
    const failures: string[] = [];
    const processor = new BackgroundEffectProcessor(blur, () => Promise.reject(new Error('chunk failed')), (failure) => failures.push(failure));
    await processor.init(options);
    expect(processor.processedTrack).toBeUndefined();
    expect(processor.failure).toBe('load_failed');
    expect(failures).toEqual(['load_failed']);
  });

  it('tears down a blur that fails to start, and one that fails to restart', async () => {
    const broken = fakeBlur({ initFails: true });
    const first = new BackgroundEffectProcessor(blur, async () => broken.processor);
    await first.init(options);
    expect(broken.calls).toEqual(['init', 'destroy']);
    expect(first.processedTrack).toBeUndefined();

    const flaky = fakeBlur({ restartFails: true });
    const second = new BackgroundEffectProcessor(blur, async () => flaky.processor);
    await second.init(options);
    await second.restart(options);
    expect(flaky.calls).toEqual(['init', 'restart', 'destroy']);
    expect(second.processedTrack).toBeUndefined();
    expect(second.failure).toBe('load_failed');
  });
});

describe('applyBackgroundEffect', () => {
  it('sets the blur on the track, once, and removes it', async () => {
    const { track, log } = fakeTrack();
    let loads = 0;
    const environment = supported(async () => {
      loads++;
      return fakeBlur().processor;
    });
    await expect(applyBackgroundEffect(track, blur, environment)).resolves.toBeNull();
    expect(hasBackgroundEffect(track)).toBe(true);
    expect(track.getProcessor()?.name).toBe(EFFECT_PROCESSOR_NAME);
    await expect(applyBackgroundEffect(track, blur, environment)).resolves.toBeNull();
    expect(loads).toBe(1);
    await expect(applyBackgroundEffect(track, null, environment)).resolves.toBeNull();
    expect(hasBackgroundEffect(track)).toBe(false);
    await expect(applyBackgroundEffect(track, null, environment)).resolves.toBeNull();
    expect(log).toEqual(['set', 'stop']);
  });

  it('leaves the track bare and reports the failure when the blur cannot start, then tries afresh', async () => {
    const { track } = fakeTrack();
    let attempt = 0;
    const environment = supported(async () => (++attempt === 1 ? fakeBlur({ initFails: true }).processor : fakeBlur().processor));
    await expect(applyBackgroundEffect(track, blur, environment)).resolves.toBe('load_failed');
    expect(track.getProcessor()).toBeUndefined();
    await expect(applyBackgroundEffect(track, blur, environment)).resolves.toBeNull();
    expect(hasBackgroundEffect(track)).toBe(true);
  });

  it('touches nothing where blur is unsupported', async () => {
    const { track, log } = fakeTrack();
    const environment: EffectEnvironment = { load: () => Promise.reject(new Error('never loaded')), supported: () => false };
    await expect(applyBackgroundEffect(track, blur, environment)).resolves.toBe('unsupported');
    expect(log).toEqual([]);
  });

  it('applies changes one after the other, so quick toggles end in the last state asked', async () => {
    const { track, log } = fakeTrack();
    const environment = supported(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return fakeBlur().processor;
    });
    const results = await Promise.all([
      applyBackgroundEffect(track, blur, environment),
      applyBackgroundEffect(track, null, environment),
      applyBackgroundEffect(track, blur, environment),
    ]);
    expect(results).toEqual([null, null, null]);
    expect(log).toEqual(['set', 'stop', 'set']);
    expect(hasBackgroundEffect(track)).toBe(true);
  });

  it('switches from one effect to another on the processor already set, never taking it off in between', async () => {
    const { track, log } = fakeTrack();
    const fake = fakeBlur();
    const loaded: EffectRendering[] = [];
    const environment = supported(async (rendering) => {
      loaded.push(rendering);
      return fake.processor;
    });
    await expect(applyBackgroundEffect(track, blur, environment)).resolves.toBeNull();
    await expect(applyBackgroundEffect(track, picture, environment)).resolves.toBeNull();
    expect(loaded).toEqual([blur]);
    expect(fake.calls).toEqual(['init', 'switch image']);
    expect(log).toEqual(['set']);
    expect(hasBackgroundEffect(track)).toBe(true);
  });

  it('reports a switch that fails, and leaves the camera as captured', async () => {
    const { track } = fakeTrack();
    const fake = fakeBlur({ switchFails: true });
    const environment = supported(async () => fake.processor);
    await applyBackgroundEffect(track, blur, environment);
    await expect(applyBackgroundEffect(track, picture, environment)).resolves.toBe('load_failed');
    expect(track.getProcessor()?.processedTrack).toBeUndefined();
  });

  it('tells each failure in French and English', () => {
    const lookup = (messages: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
    for (const key of Object.values(effectFailureMessageKey)) {
      expect(lookup(fr, key), key).toEqual(expect.any(String));
      expect(lookup(en, key), key).toEqual(expect.any(String));
    }
  });
});
