// What the room's owner does to others from the participants panel, through the API like Meet's
// web app: lowering a hand, muting a microphone, removing someone; the other client sees each.
import { expect, recordNotifications, test } from './bot-fixtures';
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
  await bot.publishAudio();
  await bot.raiseHand();

  await page.getByRole('toolbar').getByRole('button', { name: /^Participants/ }).click();
  const panel = page.getByRole('complementary', { name: /^Participants \(/ });
  const ownRow = panel.getByRole('listitem').filter({ hasText: 'Camille Martin (vous)' });
  await expect(ownRow).toContainText('Propriétaire');
  const botRow = panel.locator('li[data-participant-identity]').filter({ hasText: 'Bertrand Robot' });
  await expect(botRow.getByRole('img', { name: 'Micro actif' })).toBeVisible({ timeout: MEDIA_TIMEOUT });

  // Lower hand, as Meet's web app does: the server clears the bot's `handRaisedAt` attribute
  // (what every client reads), with no help from the bot, and its hand leaves the queue.
  const queue = panel.locator('section').filter({ has: page.getByRole('heading', { name: 'Mains levées' }) });
  await expect.poll(() => bot.room.localParticipant?.attributes.handRaisedAt ?? '', { timeout: MEDIA_TIMEOUT }).not.toBe('');
  await queue.getByRole('button', { name: 'Baisser la main de Bertrand Robot' }).click();
  await expect.poll(() => bot.room.localParticipant?.attributes.handRaisedAt ?? '', { timeout: MEDIA_TIMEOUT }).toBe('');
  await expect(queue).toHaveCount(0);
  expect(notifications.map((notification) => notification.type)).not.toContain('lowerHand');

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
  // A guest has no account: the server refuses them a role, so none is offered.
  await expect(botRow.getByRole('button', { name: 'Retirer Bertrand Robot de la réunion' })).toBeVisible();
  await expect(botRow.getByRole('button', { name: 'Nommer Bertrand Robot administrateur' })).toHaveCount(0);
  await botRow.getByRole('button', { name: 'Retirer Bertrand Robot de la réunion' }).click();
  const confirmation = page.getByRole('dialog', { name: 'Retirer Bertrand Robot de la réunion ?' });
  await confirmation.getByRole('button', { name: 'Retirer', exact: true }).click();
  await expect.poll(() => bot.room.isConnected).toBe(false);
  await expect(botRow).toHaveCount(0);
  await expect(page.locator('[data-testid="participant-tile"][aria-label="Bertrand Robot"]')).toHaveCount(0);
  await expect(page.getByTestId('call')).toBeVisible();
});
