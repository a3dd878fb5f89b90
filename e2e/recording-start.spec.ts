// A recording start the server is slow to refuse (no recorder: about 20 s, then 502): the owner
// sees it starting at once, may close the dialog meanwhile, and learns the server's reason; the
// buttons are usable again afterwards. The server's answer is held back until the test lets it go.
import type { Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { enterCall } from './join';
import { createRoom, ownerSession, shareSession } from './rooms';

const REFUSAL = { status: 502, contentType: 'application/json', body: JSON.stringify({ error: 'Recording failed to start for room abc-defg-hij' }) };
const REASON = 'L’enregistrement n’a pas pu démarrer : le service d’enregistrement du serveur ne répond pas.';

test('a slow recording start shows progress, can be left, and ends with the server’s reason', async ({ devstack, openParticipant }) => {
  const session = await ownerSession(devstack);
  const room = await createRoom(devstack, 'public', session);
  const { page, context } = await openParticipant('about:blank');
  await shareSession(context, session);
  await enterCall(page, devstack.origin, room.slug, 'Camille Martin');

  const held: Route[] = [];
  await page.route('**/start-recording/', (route) => {
    held.push(route);
  });
  const openDialog = () => page.getByRole('toolbar').getByRole('button', { name: 'Enregistrement', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Enregistrement et transcription' });
  const startButton = dialog.getByRole('button', { name: 'Démarrer l’enregistrement' });

  // Progress at once, while the server has not answered.
  await openDialog();
  await startButton.click();
  await expect(dialog.getByRole('status')).toHaveText(/^Démarrage de l’enregistrement…/);
  await expect(startButton).toBeDisabled();
  await expect.poll(() => held.length).toBe(1);

  // Left meanwhile: the refusal comes as a notice with the server's reason.
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(dialog).toHaveCount(0);
  await held[0]!.fulfill(REFUSAL);
  await expect(page.locator('.toasts li', { hasText: REASON })).toHaveCount(1);

  // Back in the dialog, nothing stays disabled; a refusal while it is open is said there.
  await openDialog();
  await expect(startButton).toBeEnabled();
  await startButton.click();
  await expect.poll(() => held.length).toBe(2);
  await held[1]!.fulfill(REFUSAL);
  await expect(dialog.getByRole('alert')).toHaveText(REASON);
  await expect(startButton).toBeEnabled();
});
