// What the server puts into a live LiveKit room, as one participant sees it, grouped by the
// steps of the recording (room-data-packets.json) so each step's events can be compared.
import { RoomEvent, type Room } from '@livekit/rtc-node';
import type { RecordedStep } from './recording';

const OBSERVED_KINDS = new Set([
  'dataReceived',
  'roomMetadataChanged',
  'participantAttributesChanged',
  'participantMetadataChanged',
  'participantNameChanged',
  'trackMuted',
  'participantDisconnected',
]);
const STEP_TIMEOUT_MS = 60_000;

/** One server-caused event as a comparable line; joins and leaves the test itself makes are left out. */
export function recordedSignature(event: Record<string, unknown>): string | undefined {
  switch (event.event) {
    case 'dataReceived':
      return event.from === null ? `data ${String((event.payload as { type?: unknown } | null)?.type)}` : undefined;
    case 'roomMetadataChanged':
      return `room metadata ${Object.keys((event.metadata_parsed as object | null) ?? {}).sort().join(',')}`;
    case 'participantAttributesChanged':
      return `attributes ${Object.keys((event.changed as object | null) ?? {}).sort().join(',')}`;
    case 'participantMetadataChanged':
      return `metadata ${String(event.metadata)}`;
    case 'participantNameChanged':
      return 'name';
    case 'trackMuted':
      return 'track muted';
    case 'participantDisconnected':
      return 'participant disconnected';
    default:
      return undefined;
  }
}

export class RoomObserver {
  private current: string[] = [];
  readonly problems: string[] = [];

  constructor(
    private readonly steps: RecordedStep[],
    private readonly observer: string,
  ) {}

  /** Listens to `room` from now on (the observer's own connection). */
  watch(room: Room): void {
    room
      .on(RoomEvent.DataReceived, (payload, participant) => {
        if (participant) return;
        let type = 'unparsable';
        try {
          type = String((JSON.parse(new TextDecoder().decode(payload)) as { type?: unknown }).type);
        } catch {
          // kept as unparsable
        }
        this.current.push(`data ${type}`);
      })
      .on(RoomEvent.RoomMetadataChanged, (metadata) => {
        let keys = '';
        try {
          keys = Object.keys(JSON.parse(metadata) as object).sort().join(',');
        } catch {
          keys = 'unparsable';
        }
        this.current.push(`room metadata ${keys}`);
      })
      .on(RoomEvent.ParticipantAttributesChanged, (changed) => this.current.push(`attributes ${Object.keys(changed).sort().join(',')}`))
      .on(RoomEvent.ParticipantMetadataChanged, (metadata) => this.current.push(`metadata ${String(metadata)}`))
      .on(RoomEvent.ParticipantNameChanged, () => this.current.push('name'))
      .on(RoomEvent.TrackMuted, () => this.current.push('track muted'))
      .on(RoomEvent.ParticipantDisconnected, () => this.current.push('participant disconnected'));
  }

  /** Resolves once `room` knows every one of `identities` (a later update would otherwise come with a join). */
  static async waitForParticipants(room: Room, identities: string[]): Promise<void> {
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    while (!identities.every((identity) => room.remoteParticipants.has(identity))) {
      if (Date.now() > deadline) throw new Error(`participants ${identities.join(', ')} never seen in the room`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Ends the recorded step `name`: its events are awaited, then compared with what arrived. */
  async endStep(name: string): Promise<void> {
    const step = this.steps.find((candidate) => candidate.step === name);
    if (!step) throw new Error(`room-data-packets.json has no step "${name}"`);
    const expected = step.observed_in_room.flatMap((event) => {
      const signature = OBSERVED_KINDS.has(event.event) ? recordedSignature(event) : undefined;
      return signature ? Array<string>(event.seen_by[this.observer] ?? 0).fill(signature) : [];
    });
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    while (this.current.length < expected.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const seen = this.current;
    this.current = [];
    if ([...expected].sort().join('|') !== [...seen].sort().join('|')) {
      this.problems.push(`room-data-packets.json — ${name}: ${JSON.stringify(expected)} recorded, ${JSON.stringify(seen)} seen by ${this.observer}`);
    }
  }
}
