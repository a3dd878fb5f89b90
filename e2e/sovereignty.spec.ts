// The sovereignty proof: a whole session (start, real IdP login, room creation, screen sharing,
// chat, subtitles, leaving), plus the API calls the main process makes, contact no host outside
// the devstack profile's allowed hosts. The second test shows the check does fail on a foreign host.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MeetClient, generateSlug } from '../common/meet-client';
import type { Profile } from '../common/profile';
import { Bot } from '../devstack/bot';
import type { Devstack } from '../devstack/index';
import { loginWithPassword } from '../main/backend/node-password-login';
import { NodeTransport } from '../main/backend/node-transport';
import { foreignContacts, type RecordedContact } from '../main/policy/sovereignty-check';
import { allowedHostsOf } from '../main/profile/allowed-hosts';
import { parseProfileText } from '../main/profile/profile-loader';
import { expect, loginAtIdentityProvider, test } from './fixtures';
import { expectInCall, joinFromPrejoin } from './join';
import { peerConnectionCount, recordedIceUrls, recordingFetch, recordRenderer } from './network-recorder';

/** The bundled devstack profile, with the running stack's URLs, as the app builds it. */
function devstackProfile(devstack: Devstack): Profile {
  const text = readFileSync(join(process.cwd(), 'resources', 'profiles', 'devstack.json'), 'utf8');
  const parsed = parseProfileText(text, { VISIO_API_BASE_URL: devstack.apiBaseUrl, VISIO_LIVEKIT_URL: devstack.livekitUrl });
  if (!parsed.ok) throw new Error(`devstack profile: ${parsed.error.code} ${parsed.error.detail}`);
  return parsed.profile;
}

/** The calls the main process makes for a logged-in owner and for a guest in the lobby. */
async function mainProcessSession(devstack: Devstack, contacts: RecordedContact[]): Promise<void> {
  const owner = new NodeTransport({ apiBaseUrl: devstack.apiBaseUrl, fetch: recordingFetch(contacts) });
  const client = new MeetClient(owner);
  expect((await client.getConfig()).ok).toBe(true);
  const user = devstack.users[1]!;
  expect(await loginWithPassword(owner, { apiBaseUrl: devstack.apiBaseUrl, ...user })).toEqual({ ok: true, value: null });
  expect((await client.getMe()).ok).toBe(true);
  const created = await client.createRoom({ username: user.fullName }, generateSlug((length) => new Uint8Array(randomBytes(length))));
  if (!created.ok) throw new Error(`room creation: ${created.error.code}`);
  expect((await client.getRoom({ slug: created.value.slug })).ok).toBe(true);
  expect((await client.listRooms({})).ok).toBe(true);
  const guest = new MeetClient(new NodeTransport({ apiBaseUrl: devstack.apiBaseUrl, fetch: recordingFetch(contacts) }));
  expect((await guest.requestEntry({ roomId: created.value.id, username: 'Invité' })).ok).toBe(true);
  expect((await client.listWaiting({ roomId: created.value.id })).ok).toBe(true);
}

test('a whole session contacts only the devstack profile’s hosts', async ({ devstack, openParticipant }) => {
  test.setTimeout(180_000);
  const profile = devstackProfile(devstack);
  const contacts: RecordedContact[] = [];
  const person = await openParticipant('about:blank');
  const { page } = person;
  await recordRenderer(person.context, page, contacts);
  await page.goto(`${devstack.origin}/`);

  const user = devstack.users[0]!;
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(new RegExp(`^${devstack.issuer}`));
  await loginAtIdentityProvider(page, user.email, user.password);
  await expect(page.getByText(`Connecté en tant que ${user.fullName}`)).toBeVisible();
  await page.getByRole('button', { name: 'Créer une réunion' }).click();
  await expect(page).toHaveURL(/\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
  const slug = new URL(page.url()).pathname.slice(1);
  await joinFromPrejoin(page, user.fullName);
  await expectInCall(page);

  const roomResponse = await fetch(`${devstack.apiBaseUrl}rooms/${slug}/`);
  const roomId = ((await roomResponse.json()) as { id: string }).id;
  const agent = await Bot.join(devstack, { room: roomId, subtitleAgent: true, name: 'Sous-titres' });
  try {
    const shareButton = page.getByRole('button', { name: 'Partager l’écran' });
    await shareButton.click();
    await expect(shareButton).toHaveAttribute('aria-pressed', 'true');

    await page.getByRole('button', { name: 'Messages' }).first().click();
    await page.getByLabel('Envoyer un message').fill('Bonjour depuis Visio');
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await expect.poll(() => agent.receivedChat.map((message) => message.text)).toContain('Bonjour depuis Visio');

    await page.getByRole('button', { name: 'Sous-titres' }).click();
    const speaker = await expect
      .poll(() => [...agent.room.remoteParticipants.values()].find((participant) => participant.trackPublications.size > 0)?.identity ?? '')
      .not.toBe('')
      .then(() => [...agent.room.remoteParticipants.values()].find((participant) => participant.trackPublications.size > 0)!.identity);
    await agent.publishSubtitle({ participantIdentity: speaker, text: 'Le compte rendu est en ligne' });
    await expect(page.getByTestId('subtitles')).toContainText('Le compte rendu est en ligne');
  } finally {
    await agent.disconnect();
  }

  expect(await peerConnectionCount(page)).toBeGreaterThan(0);
  contacts.push(...(await recordedIceUrls(page)));
  await page.getByRole('button', { name: 'Quitter la réunion' }).click();
  await expect(page.getByTestId('call')).toHaveCount(0);

  await mainProcessSession(devstack, contacts);

  // The record is only a proof if it saw each channel at work.
  for (const channel of ['renderer', 'websocket', 'main'] as const) {
    expect(contacts.filter((contact) => contact.channel === channel).length, `${channel} contacts`).toBeGreaterThan(0);
  }
  expect(contacts.some((contact) => contact.url.startsWith(devstack.issuer))).toBe(true);
  expect(foreignContacts(profile, contacts), `allowed hosts: ${allowedHostsOf(profile).join(', ')}`).toEqual([]);
});

test('the check reports a resource pointed at a foreign host', async ({ devstack, openParticipant }) => {
  const profile = devstackProfile(devstack);
  const contacts: RecordedContact[] = [];
  const person = await openParticipant('about:blank');
  const { page } = person;
  await recordRenderer(person.context, page, contacts);
  await page.goto(`${devstack.origin}/`);
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  expect(foreignContacts(profile, contacts)).toEqual([]);

  await page.evaluate(() => {
    const image = document.createElement('img');
    image.src = 'https://example.org/x.png';
    document.body.append(image);
    void fetch('http://192.0.2.1/collect').catch(() => undefined);
    new WebSocket('wss://example.net/socket').onerror = () => undefined;
    new RTCPeerConnection({ iceServers: [{ urls: 'stun:stun.example.com:3478' }] }).close();
  });
  await expect.poll(() => contacts.filter((contact) => contact.channel === 'renderer' && !contact.url.startsWith(devstack.origin)).length).toBeGreaterThanOrEqual(2);
  contacts.push(...(await recordedIceUrls(page)));
  await recordingFetch(contacts)('http://192.0.2.1/api/v1.0/config/').catch(() => undefined);

  const foreign = foreignContacts(profile, contacts);
  expect(foreign.map((contact) => `${contact.channel} ${contact.host}`).sort()).toEqual(
    expect.arrayContaining(['ice stun.example.com', 'main 192.0.2.1', 'renderer 192.0.2.1', 'renderer example.org', 'websocket example.net']),
  );
});
