// A real OIDC login in the IdP's own page, a room created from the app, and a guest who waits
// in the lobby of the restricted room until the owner admits them (or denies them).
import { expect, logInAndCreateMeeting, test } from './fixtures';
import { expectInCall, joinFromPrejoin } from './join';
import { ownerSession } from './rooms';
import type { Devstack } from '../devstack/index';
import type { Page } from '@playwright/test';

async function ownerCreatesRestrictedRoom(devstack: Devstack, page: Page): Promise<string> {
  const { slug } = await logInAndCreateMeeting(page, devstack);
  const owner = await ownerSession(devstack);
  const room = await owner.api(devstack.apiBaseUrl, 'GET', `rooms/${slug}/`);
  const id = (room.json as { id: string }).id;
  const patched = await owner.api(devstack.apiBaseUrl, 'PATCH', `rooms/${id}/`, { body: { access_level: 'restricted' } });
  expect(patched.status).toBe(200);
  return slug;
}

test('a guest waits in the lobby of a restricted room until the logged-in owner admits them', async ({ devstack, openParticipant }) => {
  const owner = await openParticipant('/');
  const slug = await ownerCreatesRestrictedRoom(devstack, owner.page);
  await joinFromPrejoin(owner.page, 'Camille Martin');
  await expectInCall(owner.page);

  const guest = await openParticipant(`/${slug}`);
  await joinFromPrejoin(guest.page, 'Invité Externe');
  await expect(guest.page.getByRole('heading', { name: 'Salle d’attente' })).toBeVisible();
  await expect(guest.page.getByTestId('call')).toHaveCount(0);

  await owner.page.getByRole('button', { name: 'Admettre Invité Externe' }).first().click();
  await expectInCall(guest.page);
  await expect(owner.page.locator('[data-testid="participant-tile"][aria-label="Invité Externe"]')).toBeVisible();
  await expect(guest.page.locator('[data-testid="participant-tile"][aria-label="Camille Martin"]')).toBeVisible();
});

test('a denied guest is told so and is not let in', async ({ devstack, openParticipant }) => {
  const owner = await openParticipant('/');
  const slug = await ownerCreatesRestrictedRoom(devstack, owner.page);
  await joinFromPrejoin(owner.page, 'Camille Martin');
  await expectInCall(owner.page);

  const guest = await openParticipant(`/${slug}`);
  await joinFromPrejoin(guest.page, 'Personne Refusée');
  await expect(guest.page.getByRole('heading', { name: 'Salle d’attente' })).toBeVisible();
  await owner.page.getByRole('button', { name: 'Refuser Personne Refusée' }).first().click();
  await expect(guest.page.getByText('L’organisateur a refusé votre demande pour rejoindre cette réunion.')).toBeVisible();
  await expect(guest.page.getByTestId('call')).toHaveCount(0);
});
