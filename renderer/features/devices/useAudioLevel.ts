import { useEffect, useState } from 'react';
import { rootMeanSquare } from './audio-level';

/** Loudness of a microphone track between 0 and 1, sampled a few times a second. */
export function useAudioLevel(track: MediaStreamTrack | null): number {
  const [sample, setSample] = useState<{ track: MediaStreamTrack | null; level: number }>({ track: null, level: 0 });

  useEffect(() => {
    if (!track) return;
    const context = new AudioContext();
    // Browsers start audio contexts suspended until the page has had a user gesture.
    const resume = () => void context.resume().catch(() => undefined);
    resume();
    window.addEventListener('pointerdown', resume, { once: true });
    window.addEventListener('keydown', resume, { once: true });
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = window.setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      setSample({ track, level: Math.min(1, rootMeanSquare(samples) * 4) });
    }, 100);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pointerdown', resume);
      window.removeEventListener('keydown', resume);
      source.disconnect();
      void context.close();
    };
  }, [track]);

  return track && sample.track === track ? sample.level : 0;
}
