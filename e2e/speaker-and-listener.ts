// What low-bandwidth mode sorts: bots publishing a camera and a microphone, one loud enough to be
// LiveKit's active speaker (its video is kept), the others under that level (theirs is paused).
import type { Page } from '@playwright/test';
import type { RegisteredRoom } from '../common/meet-types';
import type { Bot, BotOptions } from '../devstack/bot';
import type { Devstack } from '../devstack/index';
import type { launchChromium } from './browser';
import type { CutProxy } from './cut-proxy';
import type { Participant } from './fixtures';
import { enterCall } from './join';
import { expectVideoPlaying, recordPeerConnections, remoteVideo } from './media-probe';
import { createRoom } from './rooms';

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

interface ProxiedCall {
  devstack: Devstack;
  openParticipant: (path?: string, launch?: Parameters<typeof launchChromium>[0]) => Promise<Participant>;
  joinBot: JoinBot;
}

/**
 * Alice in a fresh public room, her signalling and media going through `proxy` (media over
 * ICE-TCP), with Sophie speaking and Bruno listening; `record` installs the page's own probes
 * before she joins. Returns once Alice plays both videos.
 */
export async function aliceBehindProxy(
  { devstack, openParticipant, joinBot }: ProxiedCall,
  proxy: CutProxy,
  record: (page: Page) => Promise<unknown> = async () => undefined,
): Promise<{ page: Page; speaker: Bot; listener: Bot }> {
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant('about:blank', proxy.launchOptions([devstack.origin, devstack.issuer]));
  await recordPeerConnections(page);
  await record(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await enterCall(page, devstack.origin, room.slug, 'Alice Durand');
  return { page, ...(await joinSpeakerAndListener(page, joinBot, room)) };
}
