// Renaming oneself during the call, through the API as Meet's web app does: the app's own tile
// and list follow, and another client sees the new name.
import { expect, test } from './bot-fixtures';
import { MEDIA_TIMEOUT } from './media-probe';
import { enterCall } from './join';
import { createRoom } from './rooms';

test('a guest renames themselves from the participants panel; every client sees the new name', async ({ devstack, openParticipant, joinBot }) => {
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant('about:blank');
  await enterCall(page, devstack.origin, room.slug, 'Alice Durand');
  const bot = await joinBot(room, { name: 'Bertrand Robot' });

  await page.getByRole('toolbar').getByRole('button', { name: /^Participants/ }).click();
  const panel = page.getByRole('complementary', { name: /^Participants \(/ });
  await panel.getByRole('button', { name: 'Modifier mon nom' }).click();
  const field = panel.getByRole('textbox', { name: 'Votre nom dans la réunion' });
  await expect(field).toHaveValue('Alice Durand');
  await field.fill('Alice D. (DINUM)');
  await panel.getByRole('button', { name: 'Enregistrer le nom' }).click();

  await expect(panel.getByRole('listitem').filter({ hasText: 'Alice D. (DINUM) (vous)' })).toHaveCount(1);
  await expect(page.locator('[data-testid="participant-tile"][aria-label="Alice D. (DINUM) (vous)"]')).toHaveCount(1);
  await expect
    .poll(() => [...bot.room.remoteParticipants.values()].map((participant) => participant.name), { timeout: MEDIA_TIMEOUT })
    .toContain('Alice D. (DINUM)');
});
