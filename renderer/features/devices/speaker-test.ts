/** Plays a short chime on the chosen output, so the user hears whether the speaker works. */
export async function playSpeakerTest(audioOutputId: string): Promise<void> {
  const context = new AudioContext();
  const sinkCapable = context as AudioContext & { setSinkId?: (id: string) => Promise<void> };
  if (audioOutputId && sinkCapable.setSinkId) {
    try {
      await sinkCapable.setSinkId(audioOutputId);
    } catch {
      // The default output then plays the chime.
    }
  }
  const gain = context.createGain();
  gain.gain.setValueAtTime(0.001, context.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.3, context.currentTime + 0.05);
  gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + 0.9);
  gain.connect(context.destination);
  for (const [index, frequency] of [660, 880].entries()) {
    const oscillator = context.createOscillator();
    oscillator.frequency.value = frequency;
    oscillator.connect(gain);
    oscillator.start(context.currentTime + index * 0.25);
    oscillator.stop(context.currentTime + 0.9);
  }
  window.setTimeout(() => void context.close(), 1200);
}
