// The LiveKit server restarts mid-call: the app says it is reconnecting, joins again by itself
// and shows the other participant's video playing again, without anyone clicking anything.
import { expect, test } from './bot-fixtures';
import { enterCall } from './join';
import { expectVideoPlaying, MEDIA_TIMEOUT, recordPeerConnections, remoteVideo } from './media-probe';
import { createRoom } from './rooms';

test('after a LiveKit restart mid-call the app rejoins by itself and sees the other video again', async ({ devstack, openParticipant, joinBot }) => {
  test.setTimeout(600_000);
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant('about:blank');
  await recordPeerConnections(page);
  await enterCall(page, devstack.origin, room.slug, 'Alice Durand');
  const bot = await joinBot(room, { name: 'Bertrand Robot' });
  await bot.publishVideo();
  await expectVideoPlaying(page, remoteVideo(bot.identity));

  const reconnecting = page.getByText('Connexion perdue, reconnexion en cours…');
  await devstack.stopLivekit();
  try {
    await expect(reconnecting).toBeVisible({ timeout: MEDIA_TIMEOUT });
    await expect(page.getByTestId('call')).toBeVisible();
  } finally {
    await devstack.startLivekit();
  }

  await expect(reconnecting).toHaveCount(0, { timeout: MEDIA_TIMEOUT });
  await expect(page.getByText('Vous avez été déconnecté de la réunion.')).toHaveCount(0);
  // The other side's client joins again in its own way (this bot's SDK does not by itself);
  // the app, which did, sees it back and its video playing.
  // Leaving the server that went away may never settle: the cap bounds a clean-up, it waits for
  // nothing the test asserts (the same identity joining again replaces the old one anyway).
  await Promise.race([bot.disconnect(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  const back = await joinBot(room, { identity: bot.identity, name: 'Bertrand Robot' });
  await back.publishVideo();
  await expect(page.locator('[data-testid="participant-tile"][aria-label="Bertrand Robot"]')).toBeVisible({ timeout: MEDIA_TIMEOUT });
  await expectVideoPlaying(page, remoteVideo(back.identity));
  // And the app is really back on the server: the other side sees it.
  await expect.poll(() => [...back.room.remoteParticipants.values()].map((participant) => participant.name), { timeout: MEDIA_TIMEOUT }).toContain('Alice Durand');
});
