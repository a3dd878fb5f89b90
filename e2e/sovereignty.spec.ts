// The sovereignty proof: a whole session (start, real IdP login, room creation, screen sharing,
// chat, subtitles, leaving), plus the API calls the main process makes, contact no host outside
// the devstack profile's allowed hosts. The devstack's LiveKit hands out Google's and Twilio's STUN
// servers and a foreign TURN server next to its own TURN server on 127.0.0.1: the app's ICE guard
// must leave the peer connections only the latter. The second test shows the check does fail on a
// foreign host; the third that the kept TURN server really carries a call when nothing else can.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MeetClient, generateSlug } from '../common/meet-client';
import { roomKey } from '../common/meet-types';
import type { Profile } from '../common/profile';
import { Bot } from '../devstack/bot';
import type { Devstack } from '../devstack/index';
import { FOREIGN_STUN_SERVERS, FOREIGN_TURN_SERVER } from '../devstack/livekit';
import { loginWithPassword } from '../main/backend/node-password-login';
import { NodeTransport } from '../main/backend/node-transport';
import { foreignContacts, type RecordedContact } from '../main/policy/sovereignty-check';
import { allowedHostsOf } from '../common/host-patterns';
import { parseProfileText } from '../main/profile/profile-loader';
import { expect, logInAndCreateMeeting, test } from './fixtures';
import { expectInCall, joinFromPrejoin } from './join';
import { inboundBytes, MEDIA_TIMEOUT, recordPeerConnections } from './media-probe';
import {
  configuredIceUrls,
  peerConnectionCount,
  recordedIceUrls,
  recordHandedOutIceUrls,
  recordingFetch,
  recordRenderer,
  selectedPaths,
} from './network-recorder';
import { createRoom } from './rooms';

/** What the devstack's LiveKit hands out besides its own TURN server, and the app must drop. */
const FOREIGN_ICE_URLS = [
  ...FOREIGN_STUN_SERVERS.map((server) => `stun:${server}`),
  `turn:${FOREIGN_TURN_SERVER.host}:${FOREIGN_TURN_SERVER.port}?transport=udp`,
];
/** The devstack LiveKit's embedded TURN server, as its join answer names it. */
const LOOPBACK_TURN_URL = /^turn:127\.0\.0\.1:\d+\?transport=udp$/;

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
  expect((await guest.requestEntry({ roomId: roomKey(created.value), username: 'Invité' })).ok).toBe(true);
  expect((await client.listWaiting({ roomId: roomKey(created.value) })).ok).toBe(true);
}

test('a whole session contacts only the devstack profile’s hosts', async ({ devstack, openParticipant }) => {
  test.setTimeout(600_000);
  const profile = devstackProfile(devstack);
  const contacts: RecordedContact[] = [];
  const person = await openParticipant('about:blank');
  const { page } = person;
  await recordRenderer(person.context, page, contacts);
  const handedOut = recordHandedOutIceUrls(page);
  await page.goto(`${devstack.origin}/`);

  const { slug, user } = await logInAndCreateMeeting(page, devstack);
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
  // The server handed out the foreign servers, and no peer connection holds any of them: the
  // guard kept only the TURN server on the devstack's host, and the call worked all along.
  expect(handedOut).toEqual(expect.arrayContaining(FOREIGN_ICE_URLS));
  expect(handedOut.some((url) => LOOPBACK_TURN_URL.test(url))).toBe(true);
  const configured = await configuredIceUrls(page);
  expect(configured.length).toBeGreaterThan(0);
  expect(configured.filter((url) => !LOOPBACK_TURN_URL.test(url))).toEqual([]);
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
    // The recording constructor beneath the app's ICE guard, which would drop this server.
    const Unguarded = (window as unknown as { __visioUnguardedPeerConnection: typeof RTCPeerConnection }).__visioUnguardedPeerConnection;
    new Unguarded({ iceServers: [{ urls: 'stun:stun.example.com:3478' }] }).close();
  });
  await expect.poll(() => contacts.filter((contact) => contact.channel === 'renderer' && !contact.url.startsWith(devstack.origin)).length).toBeGreaterThanOrEqual(2);
  contacts.push(...(await recordedIceUrls(page)));
  await recordingFetch(contacts)('http://192.0.2.1/api/v1.0/config/').catch(() => undefined);

  const foreign = foreignContacts(profile, contacts);
  expect(foreign.map((contact) => `${contact.channel} ${contact.host}`).sort()).toEqual(
    expect.arrayContaining(['ice stun.example.com', 'main 192.0.2.1', 'renderer 192.0.2.1', 'renderer example.org', 'websocket example.net']),
  );
});

test('the page’s peer connections keep only ICE servers on the allowed hosts, whoever creates them', async ({ devstack, openParticipant }) => {
  const { page } = await openParticipant('/');
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  const kept = await page.evaluate(() => {
    const urlsOf = (connection: RTCPeerConnection) =>
      (connection.getConfiguration().iceServers ?? []).flatMap((server) => (Array.isArray(server.urls) ? server.urls : [server.urls]));
    const servers: RTCIceServer[] = [
      { urls: ['stun:stun.l.google.com:19302', 'stun:127.0.0.1:3478'] },
      { urls: 'turn:global.turn.twilio.com:3478?transport=udp', username: 'u', credential: 'c' },
      { urls: 'TURN:localhost:3478?transport=tcp', username: 'u', credential: 'c' },
      { urls: 'turn:127.0.0.1@stun.example.com:3478', username: 'u', credential: 'c' },
    ];
    const created = new RTCPeerConnection({ iceServers: servers });
    const reconfigured = new RTCPeerConnection();
    reconfigured.setConfiguration({ iceServers: servers });
    class Subclass extends RTCPeerConnection {}
    const subclassed = new Subclass({ iceServers: servers });
    const result = [created, reconfigured, subclassed].map(urlsOf);
    for (const connection of [created, reconfigured, subclassed]) connection.close();
    return result;
  });
  // The page is served from 127.0.0.1, the one host (with its loopback aliases) it allows.
  expect(new URL(devstack.origin).hostname).toBe('127.0.0.1');
  for (const urls of kept) expect(urls).toEqual(['stun:127.0.0.1:3478', 'turn:localhost:3478?transport=tcp']);
});

test('the LiveKit server’s own TURN server survives the guard and carries a call that may only relay', async ({ devstack, openParticipant }) => {
  test.setTimeout(450_000);
  const room = await createRoom(devstack, 'public');
  const contacts: RecordedContact[] = [];
  const person = await openParticipant('about:blank');
  const { page } = person;
  // As on a network that lets nothing but the TURN server through: host candidates are off.
  await recordRenderer(person.context, page, contacts, { relayOnly: true });
  await recordPeerConnections(page);
  const handedOut = recordHandedOutIceUrls(page);
  const bot = await Bot.join(devstack, { room: room.id, name: 'Robot' });
  try {
    await bot.publishVideo({ width: 320, height: 180, fps: 10 });
    await page.goto(`${devstack.origin}/${room.slug}`);
    await joinFromPrejoin(page, 'Camille Martin');
    await expectInCall(page);

    const loopbackTurn = () => handedOut.find((url) => LOOPBACK_TURN_URL.test(url));
    await expect.poll(loopbackTurn, { message: 'the join answer names the devstack’s TURN server' }).toBeDefined();
    const turnUrl = loopbackTurn();
    expect(handedOut).toEqual(expect.arrayContaining(FOREIGN_ICE_URLS));
    const configured = await configuredIceUrls(page);
    expect(configured.length).toBeGreaterThan(0);
    expect(new Set(configured)).toEqual(new Set([turnUrl]));

    // Media flows, over a candidate relayed by that TURN server: the only path the page had.
    const before = await inboundBytes(page, 'video');
    await expect.poll(() => inboundBytes(page, 'video'), { timeout: MEDIA_TIMEOUT }).toBeGreaterThan(before);
    const paths = await selectedPaths(page);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path).toEqual({ connectionState: 'connected', localCandidateType: 'relay', relayUrl: turnUrl });
  } finally {
    await bot.disconnect();
  }
  expect(foreignContacts(devstackProfile(devstack), contacts)).toEqual([]);
});
