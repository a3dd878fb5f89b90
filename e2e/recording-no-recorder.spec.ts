// Against a server whose recorder does not answer (LaSuite Meet with recording on and no egress
// worker: 502 after a while, 409 for a second start meanwhile), with nothing intercepted: the
// owner sees the start in progress, then the server's reason, and the dialog is usable again.
import { expect, test } from './fixtures';
import { enterCall } from './join';
import { createRoom, ownerSession, shareSession } from './rooms';

const REASON = 'L’enregistrement n’a pas pu démarrer : le service d’enregistrement du serveur ne répond pas.';

test('a recording start on a server without a recorder shows progress, then the server’s reason', async ({ devstack, openParticipant }) => {
  const before = { ...devstack.settings };
  devstack.settings.recorder = 'none';
  try {
    const session = await ownerSession(devstack);
    const room = await createRoom(devstack, 'public', session);
    const { page, context } = await openParticipant('about:blank');
    await shareSession(context, session);
    await enterCall(page, devstack.origin, room.slug, 'Camille Martin');

    await page.getByRole('toolbar').getByRole('button', { name: 'Enregistrement', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Enregistrement et transcription' });
    const startButton = dialog.getByRole('button', { name: 'Démarrer l’enregistrement' });
    await startButton.click();
    await expect(dialog.getByRole('status')).toHaveText(/^Démarrage de l’enregistrement…/);
    await expect(startButton).toBeDisabled();
    await expect(dialog.getByRole('alert')).toHaveText(REASON);
    await expect(startButton).toBeEnabled();
  } finally {
    Object.assign(devstack.settings, before);
  }
});
