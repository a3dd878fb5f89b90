// Join reuses the room the prejoin fetched (and its LiveKit token) instead of asking the API
// again; it asks again only for another name, as the token is made out to the name. And the
// home page lists the user's own rooms, each one click or one key press from its prejoin.
import type { Page } from '@playwright/test';
import { accessibilityViolations } from './axe';
import { expect, logInAndCreateMeeting, test } from './fixtures';
import { expectInCall, joinFromPrejoin } from './join';
import { createRoom, ownerSession, shareSession } from './rooms';

/** The page's GET requests for this room's answer (`rooms/{slug}/`, whatever the query string). */
function recordRoomRequests(page: Page, slug: string): URL[] {
  const requests: URL[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() === 'GET' && url.pathname.endsWith(`/rooms/${slug}/`)) requests.push(url);
  });
  return requests;
}

test('Join asks for the room once when the prejoin’s name is kept, and once more for another name', async ({ devstack, openParticipant }) => {
  const session = await ownerSession(devstack);
  const room = await createRoom(devstack, 'public', session);
  const fullName = devstack.users[0]!.fullName;

  // A logged-in user keeps the name the prejoin offers: the prejoin's answer is the one Join uses.
  const member = await openParticipant('about:blank');
  await shareSession(member.context, session);
  const memberRequests = recordRoomRequests(member.page, room.slug);
  await member.page.goto(`${devstack.origin}/${room.slug}`);
  await expect(member.page.getByTestId('prejoin-link')).toBeVisible();
  await expect(member.page.getByLabel('Votre nom')).toHaveValue(fullName);
  expect(await accessibilityViolations(member.page)).toEqual([]);
  await joinFromPrejoin(member.page, fullName);
  await expectInCall(member.page);
  expect(memberRequests.map((url) => url.searchParams.get('username'))).toEqual([fullName]);

  // A guest types a name of their own: the token must carry it, so Join asks once more.
  const guest = await openParticipant('about:blank');
  const guestRequests = recordRoomRequests(guest.page, room.slug);
  await guest.page.goto(`${devstack.origin}/${room.slug}`);
  await expect(guest.page.getByTestId('prejoin-link')).toBeVisible();
  await joinFromPrejoin(guest.page, 'Invité Externe');
  await expectInCall(guest.page);
  expect(guestRequests.map((url) => url.searchParams.get('username'))).toEqual([null, 'Invité Externe']);
});

test('a room the user created is in their recent meetings, opened by a click or by the keyboard', async ({ devstack, openParticipant }) => {
  const { page } = await openParticipant('/');
  await expect(page.getByRole('heading', { name: 'Vos réunions récentes' })).toHaveCount(0);
  const { slug } = await logInAndCreateMeeting(page, devstack);

  const recent = page.getByRole('region', { name: 'Vos réunions récentes' });
  const openRoom = recent.getByRole('listitem').getByRole('button', { name: `Rejoindre ${slug}` });
  await page.getByRole('button', { name: 'Retour à l’accueil' }).click();
  await expect(openRoom).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await openRoom.click();
  await expect(page).toHaveURL(new RegExp(`/${slug}$`));
  await expect(page.getByRole('heading', { name: 'Prêt à rejoindre ?' })).toBeVisible();

  await page.getByRole('button', { name: 'Retour à l’accueil' }).click();
  await expect(openRoom).toBeVisible();
  await openRoom.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/${slug}$`));
  await expect(page.getByTestId('prejoin-link')).toBeVisible();
});
