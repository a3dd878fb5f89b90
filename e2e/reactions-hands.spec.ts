// Reactions and raised hands between the app and other clients: the `reactionReceived` packet
// both ways, the queue of hands in the order of `handRaisedAt`, and an admin lowering a hand.
import { type Bot, expect, recordNotifications, sendNotification, test } from './bot-fixtures';
import { enterCall } from './join';
import { createRoom } from './rooms';
import { recordShownTexts, shownTexts } from './shown-texts';
import type { Page } from '@playwright/test';

const FLOATING_REACTION = '.floating-reaction';

async function localIdentity(page: Page): Promise<string> {
  const tile = page.locator('[data-testid="participant-tile"][data-source="camera"]').filter({ hasText: '(vous)' });
  const identity = await tile.getAttribute('data-participant-identity');
  if (!identity) throw new Error('The local tile has no identity.');
  return identity;
}

test('a reaction from another client floats in the call, and one sent from the app reaches it', async ({ devstack, openParticipant, joinBot }) => {
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant('about:blank');
  // A reaction floats for a few seconds only: what floated is recorded rather than caught on screen.
  await recordShownTexts(page, FLOATING_REACTION);
  await enterCall(page, devstack.origin, room.slug, 'Alice Durand');
  const bot = await joinBot(room, { name: 'Bertrand Robot' });
  const notifications = recordNotifications(bot);
  await expect(page.locator('[data-testid="participant-tile"][aria-label="Bertrand Robot"]')).toBeVisible();

  await bot.sendReaction('party-popper');
  await expect.poll(() => shownTexts(page, FLOATING_REACTION)).toEqual([expect.stringMatching(/^🎉\s*Bertrand Robot$/)]);

  await page.getByRole('toolbar').getByRole('button', { name: 'Réactions' }).click();
  await page.getByRole('dialog', { name: 'Choisir une réaction' }).getByRole('button', { name: 'Envoyer la réaction applaudissements' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const identity = await localIdentity(page);
  await expect
    .poll(() => notifications.filter((notification) => notification.type === 'reactionReceived').map(({ data, from }) => ({ emoji: data?.emoji, from })))
    .toEqual([{ emoji: 'clapping-hands', from: identity }]);
});

test('two raised hands are listed in the order they were raised, and an admin can lower one', async ({ devstack, openParticipant, joinBot }) => {
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant('about:blank');
  await enterCall(page, devstack.origin, room.slug, 'Alice Durand');
  const bot: Bot = await joinBot(room, { name: 'Bertrand Robot' });
  const admin = await joinBot(room, { name: 'Organisatrice Robot', attributes: { room_role: 'owner' } });
  const botTile = page.locator('[data-testid="participant-tile"][aria-label="Bertrand Robot"]');
  await expect(botTile).toBeVisible();

  // The other client raises first, then the app's user.
  await bot.raiseHand();
  await expect(botTile.getByRole('img', { name: 'Main levée' })).toBeVisible();
  const handButton = page.getByRole('toolbar').getByRole('button', { name: 'Lever la main' });
  await expect(handButton).toHaveAttribute('aria-pressed', 'false');
  await handButton.click();
  await expect(handButton).toHaveAttribute('aria-pressed', 'true');
  const ownTile = page.locator('[data-testid="participant-tile"][aria-label="Alice Durand (vous)"]');
  await expect(ownTile.getByRole('img', { name: 'Main levée' })).toBeVisible();

  await page.getByRole('toolbar').getByRole('button', { name: /^Participants/ }).click();
  const queue = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Mains levées' }) }).getByRole('listitem');
  await expect(queue).toHaveText(['Bertrand Robot', 'Alice Durand']);

  // The bot lowers and raises again: now it is after the app's user.
  await bot.lowerHand();
  await expect(queue).toHaveText(['Alice Durand']);
  await bot.raiseHand();
  await expect(queue).toHaveText(['Alice Durand', 'Bertrand Robot']);

  // An admin asks the app's user to lower their hand (Meet's `lowerHand` notification).
  await sendNotification(admin, 'lowerHand', [await localIdentity(page)]);
  await expect(handButton).toHaveAttribute('aria-pressed', 'false');
  await expect(ownTile.getByRole('img', { name: 'Main levée' })).toHaveCount(0);
  await expect(queue).toHaveText(['Bertrand Robot']);
});
