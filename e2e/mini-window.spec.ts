// The mini call window's page next to a call: it shows the room, the head count and who spoke
// last, and its buttons act on the call (mute, camera, leave). In the desktop app main relays
// between the two windows; here the browser stand-in (BroadcastChannel) does, with the same
// controller, the same page and the same commands.
import { accessibilityViolations } from './axe';
import { expect, test } from './bot-fixtures';
import { enterCall } from './join';
import { MEDIA_TIMEOUT } from './media-probe';
import { createRoom } from './rooms';

test('the mini window follows the call and drives it: speaker, mute, camera, leave', async ({ devstack, openParticipant, joinBot }) => {
  const room = await createRoom(devstack, 'public');
  const { page, context } = await openParticipant('about:blank');
  await enterCall(page, devstack.origin, room.slug, 'Alice Durand');

  const mini = await context.newPage();
  mini.on('pageerror', (error) => console.error(`[mini page error] ${error.message}`));
  await mini.goto(new URL('/mini.html', devstack.origin).toString());
  await expect(mini.getByText(room.slug)).toBeVisible();
  await expect(mini.getByText('1 participant', { exact: true })).toBeVisible();
  await expect(mini.getByTestId('mini-speaker')).toHaveText(/Vous|Personne n’a encore parlé/);
  expect(await accessibilityViolations(mini)).toEqual([]);

  // Mute from the mini window: the call's own microphone button follows, and so does the mini one.
  const callMicrophone = page.getByRole('toolbar').getByRole('button', { name: 'Microphone' });
  await expect(callMicrophone).toHaveAttribute('aria-pressed', 'true');
  await mini.getByRole('button', { name: 'Couper le micro' }).click();
  await expect(callMicrophone).toHaveAttribute('aria-pressed', 'false');
  await expect(mini.getByRole('button', { name: 'Activer le micro' })).toBeVisible();

  // Someone else joins and speaks (a real tone published into the room): the mini window names them.
  const bot = await joinBot(room, { name: 'Bertrand Robot' });
  await bot.publishAudio();
  await expect(mini.getByText('2 participants', { exact: true })).toBeVisible({ timeout: MEDIA_TIMEOUT });
  await expect(mini.getByTestId('mini-speaker')).toHaveText('Bertrand Robot', { timeout: MEDIA_TIMEOUT });

  // The camera, with the keyboard this time.
  const callCamera = page.getByRole('toolbar').getByRole('button', { name: 'Caméra' });
  await expect(callCamera).toHaveAttribute('aria-pressed', 'true');
  await mini.getByRole('button', { name: 'Couper la caméra' }).focus();
  await mini.keyboard.press('Enter');
  await expect(callCamera).toHaveAttribute('aria-pressed', 'false');
  await expect(mini.getByRole('button', { name: 'Activer la caméra' })).toBeVisible();

  // Leave: the call ends in the main page, and the mini window says there is no call any more.
  await mini.getByRole('button', { name: 'Quitter la réunion' }).click();
  await expect(page.getByTestId('call')).toHaveCount(0);
  await expect(mini.getByRole('status')).toHaveText('Aucune réunion en cours.');
});
