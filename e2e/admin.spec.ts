// What the room's owner does to others from the participants panel, through the API like Meet's
// web app: lowering a hand, muting a microphone, removing someone; the other client sees each.
import { expect, recordNotifications, RoomEvent, test } from './bot-fixtures';
import { TrackSource } from '@livekit/rtc-node';
import { enterCall } from './join';
import { MEDIA_TIMEOUT } from './media-probe';
import { createRoom, ownerSession, shareSession } from './rooms';

test('the owner lowers a hand, mutes and removes a participant from the participants panel', async ({ devstack, openParticipant, joinBot }) => {
  const session = await ownerSession(devstack);
  const room = await createRoom(devstack, 'public', session);
  const { page, context } = await openParticipant('about:blank');
  await shareSession(context, session);
  await enterCall(page, devstack.origin, room.slug, 'Camille Martin');

  const bot = await joinBot(room, { name: 'Bertrand Robot' });
  const notifications = recordNotifications(bot);
  // Like Meet's clients, the bot lowers its own hand when asked to.
  bot.room.on(RoomEvent.DataReceived, (payload, _participant, _kind, topic) => {
    if (!topic && new TextDecoder().decode(payload).includes('"lowerHand"')) void bot.lowerHand();
  });
  await bot.publishAudio();
  await bot.raiseHand();

  await page.getByRole('toolbar').getByRole('button', { name: /^Participants/ }).click();
  const panel = page.getByRole('complementary', { name: /^Participants \(/ });
  const ownRow = panel.getByRole('listitem').filter({ hasText: 'Camille Martin (vous)' });
  await expect(ownRow).toContainText('Propriétaire');
  const botRow = panel.locator('li[data-participant-identity]').filter({ hasText: 'Bertrand Robot' });
  await expect(botRow.getByRole('img', { name: 'Micro actif' })).toBeVisible({ timeout: MEDIA_TIMEOUT });

  // Lower hand: the bot is asked (the `lowerHand` packet), and its hand leaves the queue.
  const queue = panel.locator('section').filter({ has: page.getByRole('heading', { name: 'Mains levées' }) });
  await queue.getByRole('button', { name: 'Baisser la main de Bertrand Robot' }).click();
  await expect.poll(() => notifications.map((notification) => notification.type)).toContain('lowerHand');
  await expect(queue).toHaveCount(0);

  // Mute: the server mutes the bot's microphone, the bot is told, and the panel shows it.
  await botRow.getByRole('button', { name: 'Couper le micro de Bertrand Robot' }).click();
  await expect
    .poll(() => [...bot.room.localParticipant!.trackPublications.values()].find((publication) => publication.source === TrackSource.SOURCE_MICROPHONE)?.muted)
    .toBe(true);
  await expect.poll(() => notifications.map((notification) => notification.type)).toContain('participantMuted');
  await expect(botRow.getByRole('img', { name: 'Micro coupé' })).toBeVisible();
  await expect(page.locator('[data-testid="participant-tile"][aria-label="Bertrand Robot"]').getByRole('img', { name: 'Micro coupé' })).toBeVisible();

  // Remove, after a confirmation: the bot is out of the room, for the server and for the app.
  await botRow.getByRole('button', { name: 'Plus d’actions pour Bertrand Robot' }).click();
  await botRow.getByRole('button', { name: 'Retirer Bertrand Robot de la réunion' }).click();
  const confirmation = page.getByRole('dialog', { name: 'Retirer Bertrand Robot de la réunion ?' });
  await confirmation.getByRole('button', { name: 'Retirer', exact: true }).click();
  await expect.poll(() => bot.room.isConnected).toBe(false);
  await expect(botRow).toHaveCount(0);
  await expect(page.locator('[data-testid="participant-tile"][aria-label="Bertrand Robot"]')).toHaveCount(0);
  await expect(page.getByTestId('call')).toBeVisible();
});
