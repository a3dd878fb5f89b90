// "Informations de la réunion" in a real call: the link shown and copied is the room's, and the
// dial-in number and PIN are the ones the instance hands out for that room.
import { expect, test } from './fixtures';
import { accessibilityViolations } from './axe';
import { enterCall } from './join';
import { createRoom, ownerSession } from './rooms';

test('the meeting details give the room’s link and its dial-in, and copy them', async ({ devstack, openParticipant }) => {
  const owner = await ownerSession(devstack);
  const room = await createRoom(devstack, 'public', owner);
  // What the instance says, read from its API rather than assumed.
  const config = (await owner.api(devstack.apiBaseUrl, 'GET', 'config/')).json as {
    telephony: { enabled: boolean; international_phone_number: string };
  };
  const apiRoom = (await owner.api(devstack.apiBaseUrl, 'GET', `rooms/${room.slug}/`)).json as { pin_code: string };
  expect(config.telephony.enabled).toBe(true);
  expect(apiRoom.pin_code).toMatch(/^\d{10}$/);
  const pin = apiRoom.pin_code;
  const groupedPin = `${pin.slice(0, 3)} ${pin.slice(3, 6)} ${pin.slice(6)}#`;
  const expectedLink = `${devstack.origin}/${room.slug}`;

  const { page, context } = await openParticipant('about:blank');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: devstack.origin });
  await enterCall(page, devstack.origin, room.slug, 'Camille Martin');

  const opener = page.getByRole('toolbar').getByRole('button', { name: 'Informations de la réunion' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Informations de la réunion' });
  await expect(dialog).toBeVisible();

  const linkField = dialog.getByRole('textbox', { name: 'Lien de la réunion' });
  await expect(linkField).toHaveValue(expectedLink);
  await expect(linkField).toHaveAttribute('readonly', '');
  await expect(dialog.getByTestId('meeting-info-phone')).toHaveText(
    `Par téléphone : ${config.telephony.international_phone_number} — code ${groupedPin}`,
  );
  expect(await accessibilityViolations(page)).toEqual([]);

  await dialog.getByRole('button', { name: 'Copier le lien' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Lien copié');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expectedLink);

  await dialog.getByRole('button', { name: 'Copier l’invitation' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Invitation copiée');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `Rejoindre la réunion : ${expectedLink}\nPar téléphone : ${config.telephony.international_phone_number} — code ${groupedPin}`,
  );

  // A refused clipboard: the user is told, and the link is selected to copy by hand.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await dialog.getByRole('button', { name: 'Copier le lien' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Impossible de copier dans le presse-papiers. Sélectionnez le lien et copiez-le au clavier.',
  );
  await expect(dialog.getByRole('status')).toHaveText('');
  await expect(linkField).toBeFocused();
  expect(await accessibilityViolations(page)).toEqual([]);

  // Escape closes it and gives the focus back to the control that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});
