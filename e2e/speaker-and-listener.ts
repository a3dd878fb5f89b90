// What low-bandwidth mode sorts: bots publishing a camera and a microphone, one loud enough to be
// LiveKit's active speaker (its video is kept), the others under that level (theirs is paused).
import type { Page } from '@playwright/test';
import type { RegisteredRoom } from '../common/meet-types';
import type { Bot, BotOptions } from '../devstack/bot';
import { expectVideoPlaying, remoteVideo } from './media-probe';

/** Under the server's active-speaker level, yet real audio packets. */
export const QUIET_AMPLITUDE = 20;

export const cameraTile = (page: Page, identity: string) =>
  page.locator(`[data-testid="participant-tile"][data-source="camera"][data-participant-identity=${JSON.stringify(identity)}]`);

type JoinBot = (room: RegisteredRoom, options?: Omit<BotOptions, 'room'>) => Promise<Bot>;

/** Sophie speaks, Bruno listens, both with their camera on; returns once `page` plays both videos. */
export async function joinSpeakerAndListener(page: Page, joinBot: JoinBot, room: RegisteredRoom): Promise<{ speaker: Bot; listener: Bot }> {
  const speaker = await joinBot(room, { name: 'Sophie Oratrice' });
  const listener = await joinBot(room, { name: 'Bruno Écoute' });
  await speaker.publishVideo();
  await speaker.publishAudio();
  await listener.publishVideo();
  await listener.publishAudio({ amplitude: QUIET_AMPLITUDE });
  for (const identity of [speaker.identity, listener.identity]) await expectVideoPlaying(page, remoteVideo(identity));
  return { speaker, listener };
}
