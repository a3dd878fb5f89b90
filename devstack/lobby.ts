// The waiting room of restricted rooms, held in memory like upstream's cache: a waiting entry
// lives 3 s after the guest's last poll, an admitted one for the token's lifetime, a refused
// one a few seconds (long enough for the guest's next poll to learn it).
import { colorForIdentity } from './livekit-tokens';

export type LobbyStatus = 'waiting' | 'accepted' | 'denied';

export interface LobbyEntry {
  id: string;
  username: string;
  color: string;
  status: LobbyStatus;
}

export const LOBBY_WAITING_TTL_MS = 3_000;
export const LOBBY_ACCEPTED_TTL_MS = 6 * 60 * 60 * 1_000;
export const LOBBY_DENIED_TTL_MS = 5_000;

interface TimedEntry extends LobbyEntry {
  expiresAt: number;
}

export class Lobby {
  private readonly entries = new Map<string, TimedEntry>();

  constructor(private readonly now: () => number = Date.now) {}

  private key(roomId: string, participantId: string): string {
    return `${roomId}/${participantId}`;
  }

  get(roomId: string, participantId: string): LobbyEntry | undefined {
    const key = this.key(roomId, participantId);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return { id: entry.id, username: entry.username, color: entry.color, status: entry.status };
  }

  /** Adds a waiting entry; returns it. */
  enter(roomId: string, participantId: string, username: string): LobbyEntry {
    const entry: TimedEntry = {
      id: participantId,
      username,
      color: colorForIdentity(participantId),
      status: 'waiting',
      expiresAt: this.now() + LOBBY_WAITING_TTL_MS,
    };
    this.entries.set(this.key(roomId, participantId), entry);
    return this.get(roomId, participantId) as LobbyEntry;
  }

  /** A poll keeps a waiting entry alive. */
  refresh(roomId: string, participantId: string): void {
    const entry = this.entries.get(this.key(roomId, participantId));
    if (entry?.status === 'waiting') entry.expiresAt = this.now() + LOBBY_WAITING_TTL_MS;
  }

  /** Admits or refuses; false when no such entry is alive. */
  decide(roomId: string, participantId: string, allowEntry: boolean): boolean {
    if (!this.get(roomId, participantId)) return false;
    const entry = this.entries.get(this.key(roomId, participantId)) as TimedEntry;
    entry.status = allowEntry ? 'accepted' : 'denied';
    entry.expiresAt = this.now() + (allowEntry ? LOBBY_ACCEPTED_TTL_MS : LOBBY_DENIED_TTL_MS);
    return true;
  }

  /** Forgets an entry, as a removal from the meeting does: the next poll waits again. */
  remove(roomId: string, participantId: string): void {
    this.entries.delete(this.key(roomId, participantId));
  }

  waiting(roomId: string): LobbyEntry[] {
    const prefix = `${roomId}/`;
    const result: LobbyEntry[] = [];
    for (const [key, entry] of this.entries) {
      if (!key.startsWith(prefix)) continue;
      const alive = this.get(roomId, entry.id);
      if (alive?.status === 'waiting') result.push(alive);
    }
    return result;
  }
}
