// axe-core finds no WCAG 2.1 A/AA violation on the screens people go through: home, prejoin,
// lobby, the call with its chat and participants panels, and the settings dialog.
import { expect, test } from './bot-fixtures';
import { accessibilityViolations } from './axe';
import { enterCall, joinFromPrejoin } from './join';
import { MEDIA_TIMEOUT } from './media-probe';
import { createRoom, ownerSession, shareSession } from './rooms';
import { openCallSettings } from './call-controls';

test('home, prejoin and lobby have no accessibility violations', async ({ devstack, openParticipant }) => {
  const { page } = await openParticipant('/');
  await expect(page.getByLabel('Code ou lien de la réunion')).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  const room = await createRoom(devstack, 'restricted');
  await page.goto(`${devstack.origin}/${room.slug}`);
  await expect(page.getByLabel('Votre nom')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rejoindre la réunion' })).toBeEnabled();
  expect(await accessibilityViolations(page)).toEqual([]);

  await joinFromPrejoin(page, 'Invité Externe');
  await expect(page.getByRole('heading', { name: 'Salle d’attente' })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('the call with chat, participants and settings has no accessibility violations', async ({ devstack, openParticipant, joinBot }) => {
  // As the owner, so that the participants panel holds its admin controls too.
  const session = await ownerSession(devstack);
  const room = await createRoom(devstack, 'public', session);
  const { page, context } = await openParticipant('about:blank');
  await shareSession(context, session);
  await enterCall(page, devstack.origin, room.slug, 'Camille Martin');
  const bot = await joinBot(room, { name: 'Bertrand Robot' });
  await bot.publishVideo();
  await bot.publishAudio();
  await bot.raiseHand();
  await expect(page.locator('[data-testid="participant-tile"][aria-label="Bertrand Robot"] video')).toBeVisible({ timeout: MEDIA_TIMEOUT });
  const toolbar = page.getByRole('toolbar');

  await bot.sendChat('Un message pour remplir la liste https://example.org');
  await toolbar.getByRole('button', { name: /^Messages/ }).click();
  await expect(page.getByRole('list', { name: 'Liste des messages' }).getByRole('listitem')).toHaveCount(1);
  expect(await accessibilityViolations(page)).toEqual([]);

  await toolbar.getByRole('button', { name: /^Participants/ }).click();
  await expect(page.getByRole('heading', { name: 'Mains levées' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Couper le micro de Bertrand Robot' })).toBeVisible();
  await page.getByRole('button', { name: 'Plus d’actions pour Bertrand Robot' }).click();
  await expect(page.getByRole('button', { name: 'Retirer Bertrand Robot de la réunion' })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  await openCallSettings(page);
  await expect(page.getByRole('dialog', { name: 'Paramètres' })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});
