// A call done with the keyboard alone: Tab to the prejoin's fields and buttons, then Meet's
// shortcuts (Ctrl+D, Ctrl+E, Ctrl+Shift+H, Ctrl+Shift+M), then the control bar (one Tab stop,
// arrows inside, F2 to come back) with Space and Enter, each checked by the state it changes.
import { expect, test } from './fixtures';
import { expectInCall } from './join';
import { createRoom } from './rooms';
import type { Locator, Page } from '@playwright/test';

const MAX_TABS = 40;

/** Presses Tab until `target` has the focus; fails if it never does. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Presses Tab until the focus is inside `container`. */
async function tabInto(page: Page, container: Locator): Promise<void> {
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    if (await container.evaluate((element) => element.contains(document.activeElement))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the container.');
}

/** Presses the right arrow until `target` (a button of the focused toolbar) has the focus. */
async function arrowTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('ArrowRight');
  }
  await expect(target).toBeFocused();
}

test('joining a call and toggling mic, camera, hand and chat with the keyboard only', async ({ devstack, openParticipant }) => {
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant(`/${room.slug}`);

  await tabTo(page, page.getByLabel('Votre nom'));
  await page.keyboard.type('Clavier Seul');
  await tabTo(page, page.getByRole('button', { name: 'Rejoindre la réunion' }));
  await page.keyboard.press('Enter');
  await expectInCall(page);

  const toolbar = page.getByRole('toolbar', { name: 'Commandes de la réunion' });
  const microphone = toolbar.getByRole('button', { name: 'Microphone' });
  const camera = toolbar.getByRole('button', { name: 'Caméra' });
  const hand = toolbar.getByRole('button', { name: 'Lever la main' });
  const chat = toolbar.getByRole('button', { name: /^Messages/ });
  const ownTile = page.locator('[data-testid="participant-tile"][data-source="camera"][aria-label="Clavier Seul (vous)"]');
  await expect(microphone).toHaveAttribute('aria-pressed', 'true');
  await expect(camera).toHaveAttribute('aria-pressed', 'true');

  await page.keyboard.press('Control+D');
  await expect(microphone).toHaveAttribute('aria-pressed', 'false');
  await expect(ownTile.getByRole('img', { name: 'Micro coupé' })).toBeVisible();
  await page.keyboard.press('Control+D');
  await expect(microphone).toHaveAttribute('aria-pressed', 'true');
  await expect(ownTile.getByRole('img', { name: 'Micro actif' })).toBeVisible();

  await page.keyboard.press('Control+E');
  await expect(camera).toHaveAttribute('aria-pressed', 'false');
  await expect(ownTile.locator('video')).toHaveCount(0);
  await page.keyboard.press('Control+E');
  await expect(camera).toHaveAttribute('aria-pressed', 'true');
  await expect(ownTile.locator('video')).toHaveCount(1);

  await page.keyboard.press('Control+Shift+H');
  await expect(hand).toHaveAttribute('aria-pressed', 'true');
  await expect(ownTile.getByRole('img', { name: 'Main levée' })).toBeVisible();
  await page.keyboard.press('Control+Shift+H');
  await expect(hand).toHaveAttribute('aria-pressed', 'false');
  await expect(ownTile.getByRole('img', { name: 'Main levée' })).toHaveCount(0);

  // The chat opens with its field focused; a message is sent with Enter; the shortcut closes it.
  await page.keyboard.press('Control+Shift+M');
  await expect(chat).toHaveAttribute('aria-pressed', 'true');
  const input = page.getByRole('textbox', { name: 'Envoyer un message' });
  await expect(input).toBeFocused();
  await page.keyboard.type('Tapé au clavier');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Liste des messages' }).getByRole('listitem')).toContainText(['Tapé au clavier']);
  await page.keyboard.press('Control+Shift+M');
  await expect(chat).toHaveAttribute('aria-pressed', 'false');
  await expect(input).toHaveCount(0);

  // The control bar is one Tab stop; the arrows move inside; Space and Enter press.
  await tabInto(page, toolbar);
  await page.keyboard.press('Home');
  await expect(microphone).toBeFocused();
  await page.keyboard.press('Space');
  await expect(microphone).toHaveAttribute('aria-pressed', 'false');
  await arrowTo(page, hand);
  await page.keyboard.press('Enter');
  await expect(hand).toHaveAttribute('aria-pressed', 'true');
  await expect(ownTile.getByRole('img', { name: 'Main levée' })).toBeVisible();
  await arrowTo(page, chat);
  await page.keyboard.press('Space');
  await expect(chat).toHaveAttribute('aria-pressed', 'true');
  await expect(input).toBeFocused();
  // F2 brings the focus back to the bar, on the button last used.
  await page.keyboard.press('F2');
  await expect(chat).toBeFocused();
});
