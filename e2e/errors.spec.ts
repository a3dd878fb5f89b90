// Bad input and broken backends end in a clear message in the user's language, never a crash or
// an endless spinner.
import { expect, test } from './fixtures';
import { launchChromium } from './browser';
import { expectInCall, joinFromPrejoin } from './join';
import { MEDIA_TIMEOUT } from './media-probe';
import { createRoom, randomSlug } from './rooms';

test('a malformed meeting code is refused on the home screen', async ({ openParticipant }) => {
  const { page } = await openParticipant('/');
  const field = page.getByLabel('Code ou lien de la réunion');
  await field.fill('pas un code');
  await page.getByRole('button', { name: 'Rejoindre', exact: true }).click();
  await expect(page.getByText('Ce code ou ce lien n’est pas valide. Un code ressemble à abc-defg-hij.')).toBeVisible();
  await field.fill('https://ailleurs.example.org/abc-defg-hij');
  await page.getByRole('button', { name: 'Rejoindre', exact: true }).click();
  await expect(page.getByText('Ce lien ne correspond pas à votre instance Visio.')).toBeVisible();
});

test('an unknown room is reported as such', async ({ openParticipant }) => {
  const { page } = await openParticipant(`/${randomSlug()}`);
  await expect(page.getByText('Cette réunion n’existe pas. Vérifiez le code ou le lien.')).toBeVisible();
});

test('the API being down is reported and can be retried', async ({ devstack, openParticipant }) => {
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant('about:blank');
  // The app's files load, but every API call meets a refused connection.
  await page.route('**/api/v1.0/**', (route) => route.abort('connectionrefused'));
  await page.goto(`${devstack.origin}/${room.slug}`);
  await expect(page.getByText('Le service Visio est injoignable. Vérifiez votre connexion réseau et réessayez.').first()).toBeVisible();
});

test('LiveKit being down ends in a clear message with a retry that works once it is back', async ({ devstack, openParticipant }) => {
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant(`/${room.slug}`);
  await devstack.stopLivekit();
  try {
    await joinFromPrejoin(page, 'Agathe Moreau');
    await expect(page.getByText('Impossible de se connecter au serveur de visioconférence. Il est peut-être indisponible.')).toBeVisible({ timeout: MEDIA_TIMEOUT });
  } finally {
    await devstack.startLivekit();
  }
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expectInCall(page);
});

test('camera and microphone permission denied is explained, and joining without them works', async ({ devstack }) => {
  const room = await createRoom(devstack, 'public');
  // No fake-UI auto-accept here: the permission prompt is denied.
  const browser = await launchChromium({ withoutArgs: ['--use-fake-ui-for-media-stream'], args: ['--deny-permission-prompts'] });
  try {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${devstack.origin}/${room.slug}`);
    await expect(page.getByText(/L’accès à la caméra ou au microphone a été refusé/)).toBeVisible();
    await joinFromPrejoin(page, 'Sans Caméra');
    await expectInCall(page);
  } finally {
    await browser.close();
  }
});
