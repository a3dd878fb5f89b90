// Setting, replacing and removing the processor of a local track (camera effects, microphone
// noise suppression). livekit-client runs one processor a track; changes asked in quick
// succession are applied one after the other, so the track ends in the last state asked. A
// processor that cannot start never costs the track: it is taken off again, the track goes out
// as captured, and the caller gets the reason to tell the user.

/** What a processor change needs of a local track (a LocalVideoTrack or LocalAudioTrack). */
export interface ProcessorTarget<Processor> {
  getProcessor(): { readonly name: string } | undefined;
  setProcessor(processor: Processor): Promise<void>;
  stopProcessor(): Promise<void>;
}

/** A processor that records, rather than throws, why it could not start. */
export interface FailingProcessor<Failure> {
  readonly name: string;
  readonly failure: Failure | null;
}

export interface ProcessorChange<Failure, Processor extends FailingProcessor<Failure>> {
  /** The name of the processors this change manages; another processor on the track is left alone when removing. */
  name: string;
  /** Whether a processor is wanted on the track. */
  wanted: boolean;
  /**
   * Keeps the processor already on the track when it can serve (adjusting it if need be), and
   * says how it went; undefined when a new one is needed.
   */
  reuse(current: { readonly name: string }): Promise<Failure | null> | undefined;
  /** Why no processor can run here at all, checked before creating one; null when it can. */
  unavailable?(): Failure | null;
  create(): Processor;
  /** What a refusal by the track itself (livekit-client throwing) is reported as. */
  refused: Failure;
}

const pendingChanges = new WeakMap<object, Promise<unknown>>();

/** Applies `change` to `track` once the changes asked before it are done; resolves to why the processor is not on, or null. */
export function changeTrackProcessor<Failure, Accepted, Processor extends FailingProcessor<Failure> & Accepted>(
  track: ProcessorTarget<Accepted>,
  change: ProcessorChange<Failure, Processor>,
): Promise<Failure | null> {
  const applied = (pendingChanges.get(track) ?? Promise.resolve()).then(async (): Promise<Failure | null> => {
    const current = track.getProcessor();
    if (!change.wanted) {
      if (current?.name === change.name) await track.stopProcessor();
      return null;
    }
    const reused = current ? change.reuse(current) : undefined;
    if (reused) return reused;
    const unavailable = change.unavailable?.() ?? null;
    if (unavailable !== null) return unavailable;
    const processor = change.create();
    try {
      await track.setProcessor(processor);
    } catch {
      return change.refused;
    }
    if (processor.failure !== null) {
      // Nothing left on the track: asking again tries afresh.
      await track.stopProcessor().catch(() => undefined);
      return processor.failure;
    }
    return null;
  });
  pendingChanges.set(track, applied.catch(() => undefined));
  return applied;
}
