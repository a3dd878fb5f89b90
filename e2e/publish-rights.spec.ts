// What participants may publish, decided by the room's owner from the participants panel, with
// two app participants in Chromium: the owner takes the camera (or the screen) away, the other
// is told once, their camera stops for everyone and their button says why; given back, the
// camera turns on again. A refused change is reported and the switch shows the room as it is.
import type { Page } from '@playwright/test';
import { expect, test, type Participant } from './fixtures';
import { enterCall } from './join';
import { captures, MEDIA_TIMEOUT, recordCaptures } from './media-probe';
import { createRoom, ownerSession, shareSession } from './rooms';
import { recordShownTexts, shownTexts } from './shown-texts';

const OWNER = 'Camille Martin';
const MEMBER = 'Bruno Petit';

/** A remote participant's camera tile (its label is their name). */
function cameraTileOf(page: Page, name: string) {
  return page.locator(`[data-testid="participant-tile"][data-source="camera"][aria-label="${name}"]`);
}

const TOASTS = '.toasts li';

/** The toasts the page showed so far that contain `text` (a toast goes away after a few seconds). */
async function toasts(page: Page, text: string): Promise<string[]> {
  return (await shownTexts(page, TOASTS)).filter((shown) => shown.includes(text));
}

async function openRightsOf(owner: Page) {
  await owner.getByRole('toolbar').getByRole('button', { name: /^Participants/ }).click();
  const rights = owner.getByRole('group', { name: 'Autoriser les participants à :' });
  await expect(rights).toBeVisible();
  return rights;
}

async function ownerAndMember(
  devstack: Parameters<typeof ownerSession>[0],
  openParticipant: (path?: string) => Promise<Participant>,
  // Only someone with an account can be given a role (the server refuses it for a guest).
  { memberHasAccount = false } = {},
): Promise<{ owner: Page; member: Page }> {
  const session = await ownerSession(devstack);
  const room = await createRoom(devstack, 'public', session);
  const owner = await openParticipant('about:blank');
  await shareSession(owner.context, session);
  await recordShownTexts(owner.page, TOASTS);
  await enterCall(owner.page, devstack.origin, room.slug, OWNER);
  const member = await openParticipant('about:blank');
  if (memberHasAccount) await shareSession(member.context, await ownerSession(devstack, 1));
  await recordShownTexts(member.page, TOASTS);
  await recordCaptures(member.page);
  await enterCall(member.page, devstack.origin, room.slug, MEMBER);
  return { owner: owner.page, member: member.page };
}

test('the owner takes the camera away from participants, then gives it back', async ({ devstack, openParticipant }) => {
  const { owner, member } = await ownerAndMember(devstack, openParticipant);
  const memberCamera = cameraTileOf(owner, MEMBER).locator('video');
  await expect(memberCamera).toHaveCount(1, { timeout: MEDIA_TIMEOUT });
  await expect.poll(() => memberCamera.evaluate((video: HTMLVideoElement) => video.videoWidth), { timeout: MEDIA_TIMEOUT }).toBeGreaterThan(0);

  const rights = await openRightsOf(owner);
  const cameraSwitch = rights.getByRole('switch', { name: 'activer leur caméra' });
  await expect(cameraSwitch).toBeChecked();
  await expect(rights.getByRole('switch', { name: 'activer leur micro' })).toBeChecked();
  await expect(rights.getByRole('switch', { name: 'partager leur écran' })).toBeChecked();
  await cameraSwitch.click();
  await expect.poll(() => toasts(owner, 'Les participants ne peuvent plus activer leur caméra.')).toHaveLength(1);
  await expect(cameraSwitch).not.toBeChecked();

  // LiveKit stopped the camera: the owner's grid shows no video for the member any more.
  await expect(memberCamera).toHaveCount(0);
  await expect(cameraTileOf(owner, MEMBER)).toHaveCount(1);

  // The member's camera button says why it cannot be used.
  const cameraButton = member.getByRole('toolbar').getByRole('button', { name: 'Caméra', exact: true });
  await expect(cameraButton).toBeDisabled();
  await expect(cameraButton).toHaveAccessibleDescription('Un administrateur ne vous autorise pas à activer votre caméra.');
  await expect(cameraButton).toHaveAttribute('aria-pressed', 'false');
  // The member is told once: the notice and the permission change (which the button shows) have
  // both arrived, and the change alone says nothing, so nothing doubles the notice.
  const notice = 'Un administrateur vous a retiré le droit de partager : caméra.';
  await expect.poll(() => toasts(member, notice)).toEqual([notice]);

  // The button and the shortcut do nothing: the microphone's shortcut, pressed after them, has
  // acted, and the camera was never asked for.
  const { cameraRequests } = await captures(member);
  await cameraButton.focus();
  await cameraButton.press('Enter');
  await member.keyboard.press('Control+E');
  const microphoneButton = member.getByRole('toolbar').getByRole('button', { name: 'Microphone', exact: true });
  await member.keyboard.press('Control+D');
  await expect(microphoneButton).toHaveAttribute('aria-pressed', 'false');
  await expect(cameraButton).toHaveAttribute('aria-pressed', 'false');
  expect((await captures(member)).cameraRequests).toBe(cameraRequests);
  await expect(memberCamera).toHaveCount(0);
  // The microphone is still the member's to use.
  await expect(microphoneButton).toBeEnabled();
  await member.keyboard.press('Control+D');
  await expect(microphoneButton).toHaveAttribute('aria-pressed', 'true');

  // Given back: no notice to the member, the button works again and the owner sees the camera.
  await cameraSwitch.click();
  await expect.poll(() => toasts(owner, 'Les participants peuvent activer leur caméra.')).toHaveLength(1);
  await expect(cameraSwitch).toBeChecked();
  await expect(cameraButton).toBeEnabled();
  await cameraButton.click();
  await expect(cameraButton).toHaveAttribute('aria-pressed', 'true');
  await expect(memberCamera).toHaveCount(1, { timeout: MEDIA_TIMEOUT });
  await expect.poll(() => memberCamera.evaluate((video: HTMLVideoElement) => video.videoWidth), { timeout: MEDIA_TIMEOUT }).toBeGreaterThan(0);
  // The permission given back, now in force, brought no notice of its own.
  expect(await toasts(member, 'Un administrateur')).toEqual([notice]);
});

test('the owner stops a participant’s screen share, and a refused change leaves the switch as the room is', async ({ devstack, openParticipant }) => {
  const { owner, member } = await ownerAndMember(devstack, openParticipant);
  const shareButton = member.getByRole('toolbar').getByRole('button', { name: 'Partager l’écran' });
  await shareButton.click();
  await expect(shareButton).toHaveAttribute('aria-pressed', 'true');
  const memberShare = owner.locator('[data-testid="participant-tile"][data-source="screen_share"]');
  await expect(memberShare).toHaveCount(1, { timeout: MEDIA_TIMEOUT });

  const rights = await openRightsOf(owner);
  const screenSwitch = rights.getByRole('switch', { name: 'partager leur écran' });
  await screenSwitch.click();
  await expect(screenSwitch).not.toBeChecked();
  await expect.poll(() => toasts(member, 'Un administrateur vous a retiré le droit de partager : écran et son de l’écran.')).toHaveLength(1);
  await expect(memberShare).toHaveCount(0);
  await expect(shareButton).toBeDisabled();
  await expect(shareButton).toHaveAttribute('aria-pressed', 'false');
  await expect(shareButton).toHaveAccessibleDescription('Un administrateur ne vous autorise pas à partager votre écran.');

  // The API refuses the next change: the owner reads why, in French, and the switch stays on.
  const micSwitch = rights.getByRole('switch', { name: 'activer leur micro' });
  await owner.route('**/api/v1.0/rooms/*/', (route) =>
    route.request().method() === 'PATCH' ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"detail":"down"}' }) : route.fallback(),
  );
  await micSwitch.click();
  await expect.poll(() => toasts(owner, 'L’action a échoué : Le service est momentanément indisponible. Réessayez dans un instant.')).toHaveLength(1);
  await expect(micSwitch).toBeChecked();
  await expect(micSwitch).toBeEnabled();
  await expect(member.getByRole('toolbar').getByRole('button', { name: 'Microphone', exact: true })).toBeEnabled();
  expect(await toasts(member, 'micro')).toEqual([]);
});

test('a member promoted in a room without cameras may turn theirs on, and loses it again when demoted', async ({ devstack, openParticipant }) => {
  const { owner, member } = await ownerAndMember(devstack, openParticipant, { memberHasAccount: true });
  const memberCamera = cameraTileOf(owner, MEMBER).locator('video');
  await expect(memberCamera).toHaveCount(1, { timeout: MEDIA_TIMEOUT });
  const rights = await openRightsOf(owner);
  await rights.getByRole('switch', { name: 'activer leur caméra' }).click();
  await expect(memberCamera).toHaveCount(0);
  const cameraButton = member.getByRole('toolbar').getByRole('button', { name: 'Caméra', exact: true });
  await expect(cameraButton).toBeDisabled();

  // Promoted: an administrator publishes whatever the room keeps from its members.
  await owner.getByRole('button', { name: `Plus d’actions pour ${MEMBER}` }).click();
  await owner.getByRole('button', { name: `Nommer ${MEMBER} administrateur` }).click();
  await expect.poll(() => toasts(owner, `${MEMBER} est maintenant administrateur.`)).toHaveLength(1);
  await expect(cameraButton).toBeEnabled();
  await cameraButton.click();
  await expect(cameraButton).toHaveAttribute('aria-pressed', 'true');
  await expect(memberCamera).toHaveCount(1, { timeout: MEDIA_TIMEOUT });

  // Demoted: back to what members may do, and LiveKit stops the camera.
  await owner.getByRole('button', { name: `Plus d’actions pour ${MEMBER}` }).click();
  await owner.getByRole('button', { name: `Retirer le rôle d’administrateur à ${MEMBER}` }).click();
  await expect(memberCamera).toHaveCount(0);
  await expect(cameraButton).toBeDisabled();
});
