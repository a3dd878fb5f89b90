// Notification sounds synthesised with WebAudio: nothing to download, nothing to bundle.
export type NotificationSound = 'join' | 'leave' | 'waiting';

export interface Note {
  frequency: number;
  startSeconds: number;
  durationSeconds: number;
}

/** Rising for an arrival, falling for a departure, a double chime for someone in the lobby. */
export function notesOf(sound: NotificationSound): Note[] {
  switch (sound) {
    case 'join':
      return [
        { frequency: 660, startSeconds: 0, durationSeconds: 0.12 },
        { frequency: 880, startSeconds: 0.12, durationSeconds: 0.16 },
      ];
    case 'leave':
      return [
        { frequency: 880, startSeconds: 0, durationSeconds: 0.12 },
        { frequency: 587, startSeconds: 0.12, durationSeconds: 0.16 },
      ];
    case 'waiting':
      return [
        { frequency: 784, startSeconds: 0, durationSeconds: 0.14 },
        { frequency: 784, startSeconds: 0.22, durationSeconds: 0.14 },
      ];
  }
}

let context: AudioContext | null = null;

export function playNotificationSound(sound: NotificationSound): void {
  if (typeof AudioContext === 'undefined') return;
  try {
    context ??= new AudioContext();
    const audio = context;
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
    const start = audio.currentTime + 0.02;
    for (const note of notesOf(sound)) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = note.frequency;
      // A short attack and decay avoid the click of a square cut.
      gain.gain.setValueAtTime(0, start + note.startSeconds);
      gain.gain.linearRampToValueAtTime(0.15, start + note.startSeconds + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.001, start + note.startSeconds + note.durationSeconds);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + note.startSeconds);
      oscillator.stop(start + note.startSeconds + note.durationSeconds + 0.02);
    }
  } catch {
    // No audio output: the toast and the live region still tell the news.
  }
}
