// Scripted LiveKit participants for the call tests, on top of the browser fixtures: bots join a
// room with the stack's keys, and are disconnected when the test ends. Their logging is set to
// info before @livekit/rtc-node loads, so the test output stays readable.
import './quiet-rtc-logs';
import { Bot, RoomEvent, type BotOptions } from '../devstack/bot';
import type { RegisteredRoom } from '../common/meet-types';
import { test as base } from './fixtures';

export { expect, type Participant } from './fixtures';
export { Bot, RoomEvent } from '../devstack/bot';

interface BotFixtures {
  /** Joins a bot to the LiveKit room of a Meet room; it leaves when the test ends. */
  joinBot: (room: RegisteredRoom, options?: Omit<BotOptions, 'room'>) => Promise<Bot>;
}

export const test = base.extend<BotFixtures>({
  joinBot: async ({ devstack }, use) => {
    const bots: Bot[] = [];
    await use(async (room, options = {}) => {
      const bot = await Bot.join(devstack, { ...options, room: room.id });
      bots.push(bot);
      return bot;
    });
    await Promise.allSettled(bots.map((bot) => bot.disconnect()));
  },
});

export interface ReceivedNotification {
  type: string;
  data?: Record<string, unknown>;
  from: string;
}

/** Records Meet's room notifications (topic-less JSON data packets) that reach a bot. */
export function recordNotifications(bot: Bot): ReceivedNotification[] {
  const received: ReceivedNotification[] = [];
  bot.room.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
    if (topic) return;
    try {
      const value = JSON.parse(new TextDecoder().decode(payload)) as { type?: unknown; data?: Record<string, unknown> };
      if (typeof value.type === 'string') received.push({ type: value.type, data: value.data, from: participant?.identity ?? '' });
    } catch {
      // Not a notification: other clients may send other packets.
    }
  });
  return received;
}

/** Sends a Meet notification from a bot, to everyone or to the given identities. */
export async function sendNotification(bot: Bot, type: string, destinationIdentities?: string[]): Promise<void> {
  await bot.room.localParticipant?.publishData(new TextEncoder().encode(JSON.stringify({ type })), {
    reliable: true,
    destination_identities: destinationIdentities,
  });
}
