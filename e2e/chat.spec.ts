// Chat both ways between the app and another client: text streams on `lk.chat` (what Meet's web
// app sends), the legacy `lk-chat-topic` packets of older clients, and the unread badge.
import { expect, test } from './bot-fixtures';
import { enterCall } from './join';
import { createRoom } from './rooms';

test('chat flows both ways with another client, in both wire forms, with an unread badge', async ({ devstack, openParticipant, joinBot }) => {
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant('about:blank');
  await enterCall(page, devstack.origin, room.slug, 'Alice Durand');
  const bot = await joinBot(room, { name: 'Bertrand Robot' });
  await expect(page.locator('[data-testid="participant-tile"][aria-label="Bertrand Robot"]')).toBeVisible();

  const chatButton = page.getByRole('toolbar').getByRole('button', { name: /^Messages/ });
  await expect(chatButton).toHaveAttribute('aria-pressed', 'false');

  // A text stream on lk.chat while the panel is closed: counted as unread.
  await bot.sendChat('Bonjour depuis le web');
  await expect(chatButton.getByLabel('1 message non lu')).toBeVisible();

  // A legacy packet from an older client: counted too.
  const legacyId = `legacy-${Date.now()}`;
  await bot.room.localParticipant!.publishData(
    new TextEncoder().encode(JSON.stringify({ id: legacyId, timestamp: Date.now(), message: 'Message au format ancien' })),
    { reliable: true, topic: 'lk-chat-topic' },
  );
  await expect(chatButton.getByLabel('2 messages non lus')).toBeVisible();

  // Opening the panel shows both, from the bot, and clears the badge.
  await chatButton.click();
  await expect(chatButton).toHaveAttribute('aria-pressed', 'true');
  const list = page.getByRole('list', { name: 'Liste des messages' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').filter({ hasText: 'Bonjour depuis le web' })).toContainText('Bertrand Robot');
  await expect(list.getByRole('listitem').filter({ hasText: 'Message au format ancien' })).toContainText('Bertrand Robot');
  await expect(chatButton.locator('.badge')).toHaveCount(0);

  // The app's message reaches the other client as a text stream on lk.chat, once.
  const input = page.getByRole('textbox', { name: 'Envoyer un message' });
  await expect(input).toBeFocused();
  await input.fill('Réponse depuis Visio');
  await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await expect(list.getByRole('listitem').filter({ hasText: 'Réponse depuis Visio' })).toContainText('Vous');
  await expect.poll(() => bot.receivedChat.map((message) => message.text)).toContain('Réponse depuis Visio');
  expect(bot.receivedChat.filter((message) => message.text === 'Réponse depuis Visio')).toHaveLength(1);
  await expect(input).toHaveValue('');

  // With the panel open, new messages are shown and not counted as unread.
  await bot.sendChat('Encore un');
  await expect(list.getByRole('listitem')).toHaveCount(4);
  await expect(chatButton.locator('.badge')).toHaveCount(0);
});
