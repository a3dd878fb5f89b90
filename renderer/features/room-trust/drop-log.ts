// What was refused is counted, and each kind of refusal logged once: enough to diagnose a
// hostile participant, never a log flood, never anything on screen.
import type { SenderKind } from './senders';
import type { DropReason } from './verdict';

export type Channel = 'notification' | 'chat' | 'chat-file' | 'subtitle' | 'reaction' | 'attributes' | 'metadata';

export class DropLog {
  private readonly counts = new Map<string, number>();

  constructor(private readonly log: (message: string) => void = (message) => console.warn(message)) {}

  record(channel: Channel, reason: DropReason, sender: SenderKind): void {
    const key = `${channel}:${reason}:${sender}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count === 1) this.log(`[room-trust] dropped ${channel} (${reason}) from ${sender}; further ones are only counted`);
  }

  count(channel?: Channel): number {
    let total = 0;
    for (const [key, value] of this.counts) if (!channel || key.startsWith(`${channel}:`)) total += value;
    return total;
  }
}
