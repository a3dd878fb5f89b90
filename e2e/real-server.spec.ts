// What a real LaSuite Meet answers and the devstack now answers the same way: a first login
// creates a user whose preferences are null, and with ALLOW_UNREGISTERED_ROOMS (upstream's
// default) any well-formed code is a room one can join.
import { expect, loginAtIdentityProvider, test } from './fixtures';
import { expectInCall, joinFromPrejoin } from './join';
import { randomSlug } from './rooms';

test('a first login (no preferences yet) lands logged in', async ({ devstack, openParticipant }) => {
  const newcomer = devstack.users[2];
  if (!newcomer) throw new Error('the devstack has no first-login user');
  const { page } = await openParticipant('/');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(new RegExp(`^${devstack.issuer}`));
  await loginAtIdentityProvider(page, newcomer.email, newcomer.password);
  await expect(page.getByText(`Connecté en tant que ${newcomer.fullName}`)).toBeVisible();
  // The server really created the user with null preferences.
  const me = await page.evaluate(async (url) => (await fetch(url, { credentials: 'include' })).json(), `${devstack.apiBaseUrl}users/me/`);
  expect(me).toMatchObject({ email: newcomer.email, default_room_access_level: null });
  await expect(page.getByRole('button', { name: 'Se connecter' })).toHaveCount(0);
});

test('a room nobody created can be joined when the server allows unregistered rooms', async ({ devstack, openParticipant }) => {
  devstack.settings.allowUnregisteredRooms = true;
  try {
    const slug = randomSlug();
    const { page } = await openParticipant(`/${slug}`);
    await joinFromPrejoin(page, 'Agathe Moreau');
    await expectInCall(page);
  } finally {
    devstack.settings.allowUnregisteredRooms = false;
  }
});
