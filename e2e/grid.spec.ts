// The grid pages like Meet's: 5 × 5 tiles when the window is large enough, fewer when it is not,
// with a pager for the rest. Twenty-five other people are in the room (real LiveKit participants).
import { expect, test } from './bot-fixtures';
import { enterCall } from './join';
import { MEDIA_TIMEOUT } from './media-probe';
import { createRoom } from './rooms';

test('a large window shows 25 tiles per page, a smaller one 16, and the pager reaches the rest', async ({ devstack, openParticipant, joinBot }) => {
  test.setTimeout(600_000);
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant('about:blank');
  await page.setViewportSize({ width: 1600, height: 1000 });
  await enterCall(page, devstack.origin, room.slug, 'Alice Durand');
  for (let index = 1; index <= 25; index += 1) await joinBot(room, { name: `Robot ${String(index).padStart(2, '0')}` });

  const tiles = page.getByTestId('participant-tile');
  const pager = page.locator('.pager [aria-live]');
  await expect(pager).toHaveText('Page 1 sur 2', { timeout: MEDIA_TIMEOUT });
  await expect(tiles).toHaveCount(25);
  await page.getByRole('button', { name: 'Page suivante' }).click();
  await expect(pager).toHaveText('Page 2 sur 2');
  await expect(tiles).toHaveCount(1);

  // A smaller window: 4 × 4 per page, and the page shown stays within the new count.
  await page.setViewportSize({ width: 1100, height: 760 });
  await expect(pager).toHaveText('Page 2 sur 2');
  await expect(tiles).toHaveCount(10);
  await page.getByRole('button', { name: 'Page précédente' }).click();
  await expect(tiles).toHaveCount(16);
  await expect(pager).toHaveText('Page 1 sur 2');
});
