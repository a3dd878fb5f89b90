// The prejoin before a real room: its link to copy, and a room whose owner keeps the camera from
// its members — the member's prejoin never opens the camera, says why, and joins without it.
import { accessibilityViolations } from './axe';
import { expect, test } from './fixtures';
import { enterCall, expectInCall, joinFromPrejoin } from './join';
import { captures, MEDIA_TIMEOUT, recordCaptures } from './media-probe';
import { createRoom, ownerSession, shareSession } from './rooms';

const OWNER = 'Camille Martin';
const GUEST = 'Bruno Petit';
const CAMERA_FORBIDDEN = 'L’organisateur ne permet pas d’activer la caméra dans cette réunion.';

test('a guest of a room without cameras never opens theirs, is told why, and joins without it', async ({ devstack, openParticipant }) => {
  const session = await ownerSession(devstack);
  const room = await createRoom(devstack, 'public', session);
  const restricted = await session.api(devstack.apiBaseUrl, 'PATCH', `rooms/${room.id}/`, {
    body: { configuration: { can_publish_sources: ['microphone', 'screen_share', 'screen_share_audio'] } },
  });
  expect(restricted.status).toBe(200);

  // The owner publishes everything: their prejoin keeps the camera, and they see the guest arrive.
  const owner = await openParticipant('about:blank');
  await shareSession(owner.context, session);
  await owner.page.goto(`${devstack.origin}/${room.slug}`);
  const ownerPreview = owner.page.getByRole('region', { name: 'Aperçu de votre caméra' });
  await expect(ownerPreview.getByRole('button', { name: 'Caméra', exact: true })).toBeEnabled();
  await expect(ownerPreview.locator('video.preview__video')).toHaveCount(1, { timeout: MEDIA_TIMEOUT });
  await joinFromPrejoin(owner.page, OWNER);
  await expectInCall(owner.page);

  const guest = await openParticipant('about:blank');
  await recordCaptures(guest.page);
  await guest.page.goto(`${devstack.origin}/${room.slug}`);
  const preview = guest.page.getByRole('region', { name: 'Aperçu de votre caméra' });
  const cameraToggle = preview.getByRole('button', { name: 'Caméra', exact: true });
  await expect(cameraToggle).toBeDisabled();
  await expect(cameraToggle).toHaveAttribute('aria-pressed', 'false');
  await expect(cameraToggle).toHaveAccessibleDescription(CAMERA_FORBIDDEN);
  await expect(preview.getByText(CAMERA_FORBIDDEN)).toBeVisible();
  // The microphone is allowed: it is captured, and its toggle still works.
  const microphoneToggle = preview.getByRole('button', { name: 'Microphone', exact: true });
  await expect(microphoneToggle).toBeEnabled();
  await expect(microphoneToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(preview.getByText('Caméra désactivée')).toBeVisible();
  // The preview asks for the camera, when it may, as it asks for the microphone: once the
  // microphone is captured, the camera would have been asked for too.
  await expect.poll(async () => (await captures(guest.page)).liveMicrophones, { timeout: MEDIA_TIMEOUT }).toBeGreaterThan(0);
  await expect(preview.locator('video')).toHaveCount(0);
  expect((await captures(guest.page)).cameraRequests).toBe(0);
  expect(await accessibilityViolations(guest.page)).toEqual([]);

  await joinFromPrejoin(guest.page, GUEST);
  await expectInCall(guest.page);
  const callCamera = guest.page.getByRole('toolbar').getByRole('button', { name: 'Caméra', exact: true });
  await expect(callCamera).toBeDisabled();
  await expect(callCamera).toHaveAttribute('aria-pressed', 'false');
  await expect(guest.page.getByRole('toolbar').getByRole('button', { name: 'Microphone', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // The owner sees the guest, without any camera, and the guest never captured one.
  const guestTile = owner.page.locator(`[data-testid="participant-tile"][data-source="camera"][aria-label="${GUEST}"]`);
  await expect(guestTile).toHaveCount(1, { timeout: MEDIA_TIMEOUT });
  // The guest's microphone has reached the owner: what the guest publishes has arrived.
  await expect(guestTile.getByRole('img', { name: 'Micro actif' })).toBeVisible({ timeout: MEDIA_TIMEOUT });
  await expect(guestTile.locator('video')).toHaveCount(0);
  expect((await captures(guest.page)).cameraRequests).toBe(0);
});

test('the prejoin of a public room copies its link, and says so', async ({ devstack, openParticipant }) => {
  const room = await createRoom(devstack, 'public');
  const expectedLink = `${devstack.origin}/${room.slug}`;
  const { page, context } = await openParticipant('about:blank');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: devstack.origin });
  await page.goto(expectedLink);

  const linkBox = page.getByTestId('prejoin-link');
  const linkField = linkBox.getByRole('textbox', { name: 'Lien de la réunion' });
  await expect(linkField).toHaveValue(expectedLink);
  await expect(linkField).toHaveAttribute('readonly', '');
  await linkBox.getByRole('button', { name: 'Copier le lien' }).click();
  await expect(linkBox.getByRole('status')).toHaveText('Lien copié');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expectedLink);
  expect(await accessibilityViolations(page)).toEqual([]);

  // A refused clipboard: the user is told, and the link is selected to copy by hand.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await linkBox.getByRole('button', { name: 'Copier le lien' }).click();
  await expect(linkBox.getByRole('alert')).toHaveText('Impossible de copier dans le presse-papiers. Sélectionnez le lien et copiez-le au clavier.');
  await expect(linkBox.getByRole('status')).toHaveText('');
  await expect(linkField).toBeFocused();
  expect(await linkField.evaluate((input: HTMLInputElement) => input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0))).toBe(expectedLink);

  // The link is the one to join by: the call opens from it.
  await enterCall(page, devstack.origin, room.slug, 'Alix Durand');
});
