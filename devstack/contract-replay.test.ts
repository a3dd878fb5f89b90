// The devstack answers as a real LaSuite Meet 1.27.0 does: every exchange recorded in
// ../shared/meet-contract/ is played again, in the recording's order, with the same actors and
// situations (sessions, guests with and without their cookies, Bearer tokens the stack handed
// out, participants really present in the LiveKit room), and compared with the recording.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bot } from './bot';
import { CONTRACT_EXCEPTIONS } from './contract-exceptions';
import { Caller, Replayer, type Fill } from './contract/replayer';
import { ENDPOINT_FILES, readRecording, type RecordedStep, type RecordedToken } from './contract/recording';
import { RoomObserver } from './contract/room-observer';
import { compareTokens } from './contract/token-claims';
import { CAPTURE_A_SETTINGS, CAPTURE_B_SETTINGS, startDevstack, TEST_USERS, type Devstack } from './index';
import { HttpSession } from './http-session';

/** Long enough for the calls made while a start is pending, short enough for every CI run. */
const RECORDER_FAILURE_DELAY_MS = 2_500;
/** Just past the lobby's timeouts (3 s for a waiting entry, 5 s for a denial). */
const WAITING_EXPIRY_MS = 3_300;
const DENIAL_EXPIRY_MS = 5_300;

let devstack: Devstack;
let replayer: Replayer;
let observer: RoomObserver;
const bots: Bot[] = [];

interface Room {
  id: string;
  slug: string;
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Logs `caller` in through the provider's real form, replaying `authenticate/` and `callback/` on the way. */
async function login(caller: Caller, userIndex: number, replay?: { start: string; callback: string }): Promise<void> {
  const user = devstack.users[userIndex];
  if (!user) throw new Error(`no user ${userIndex}`);
  const session = new HttpSession(devstack.origin);
  Object.assign(session, { jar: caller.jar });
  let location: string;
  if (replay) {
    const start = await replayer.replay('authenticate.json', replay.start, caller);
    location = start.headers.get('location') ?? '';
  } else {
    const start = await session.request(`${devstack.apiBaseUrl}authenticate/?returnTo=${encodeURIComponent(`${devstack.origin}/`)}`);
    location = start.headers.get('location') ?? '';
  }
  const form = await session.navigate(location);
  const action = /<form[^>]*action="([^"]+)"/.exec(await form.response.text())?.[1];
  if (!action) throw new Error('no login form');
  let response = await session.request(new URL(action.replaceAll('&amp;', '&'), form.url).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: user.email, password: user.password }).toString(),
  });
  let url = new URL(response.headers.get('location') ?? '', form.url).toString();
  while (!url.startsWith(`${devstack.apiBaseUrl}callback/`)) {
    response = await session.request(url);
    url = new URL(response.headers.get('location') ?? '', url).toString();
  }
  const callback = await session.request(url);
  if (replay) {
    replayer.check({
      file: 'authenticate-callback.json',
      exchange: replayer.find('authenticate-callback.json', replay.callback),
      status: callback.status,
      body: null,
      headers: callback.headers,
    });
  }
  if (callback.status !== 302) throw new Error(`login of ${user.email} failed: ${callback.status}`);
}

async function joinRoom(token: string, room: Room, watch = false): Promise<Bot> {
  const bot = await Bot.join(devstack, { room: room.id, token });
  bots.push(bot);
  if (watch) observer.watch(bot.room);
  return bot;
}

function grantOf(body: unknown): string {
  const token = (body as { livekit?: { token?: unknown } | null } | null)?.livekit?.token;
  if (typeof token !== 'string') throw new Error(`no LiveKit grant in ${JSON.stringify(body)}`);
  return token;
}

/** The `state` of the provider URL a logout redirects to, which the provider sends back. */
function stateOf(answer: { headers: Headers }): string {
  return new URL(answer.headers.get('location') ?? '', 'http://invalid').searchParams.get('state') ?? '';
}

function idOf(body: unknown): string {
  return String((body as { id?: unknown }).id);
}

function randomSlug(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const part = (length: number) => Array.from({ length }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
  return `${part(3)}-${part(4)}-${part(3)}`;
}

beforeAll(async () => {
  devstack = await startDevstack({
    telephony: false,
    settings: { ...CAPTURE_A_SETTINGS, recorderFailureDelayMs: RECORDER_FAILURE_DELAY_MS },
  });
  replayer = new Replayer(devstack.origin, { instance: devstack.origin, idp: devstack.issuer });
  observer = new RoomObserver(readRecording<RecordedStep[]>('room-data-packets.json'), 'owner');
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(bots.map((bot) => bot.disconnect()));
  await devstack?.stop();
});

describe('the devstack against the recorded LaSuite Meet 1.27.0', () => {
  it('answers every recorded exchange as the real server did', async () => {
    const r = (file: Parameters<Replayer['replay']>[0], situation: string, caller: Caller, fill: Fill = {}) =>
      replayer.replay(file, situation, caller, fill);
    const anonymous = () => new Caller('anonymous');
    const owner = new Caller('owner');
    const other = new Caller('other');
    const alex = new Caller('new user');
    const none = new Caller('none');

    // --- capture A: login, profile, configuration
    await r('config.json', 'logged out', anonymous());
    await r('users-me.json', 'logged out (Accept-Language en)', anonymous());
    await r('users-me.json', 'logged out (Accept-Language fr)', anonymous());
    await login(owner, 0, { start: 'start login', callback: 'OIDC callback with valid code' });
    await login(other, 1);
    await login(alex, 2);
    await r('authenticate.json', 'returnTo on a host not in', anonymous());
    await r('authenticate-callback.json', 'callback with an unknown state', anonymous());
    await r('config.json', 'logged in (same answer)', owner);
    await r('users-me.json', 'logged in, returning user', owner);
    await r('users-me.json', 'logged in, other returning user', other);
    await r('users-me.json', 'logged in, user created by this login', alex);

    // --- rooms
    const created = async (situation: string, caller: Caller = owner) => {
      const slug = randomSlug();
      const answer = await r('rooms-create.json', situation, caller, { slug, text: 'Camille Martin' });
      return { id: idOf(answer.body), slug } satisfies Room;
    };
    const publicRoom = await created('owner creates a room (no access_level');
    const liveRoom = await created('owner creates a room with access_level restricted');
    const trustedRoom = await created('owner creates a room with access_level trusted');
    await created('new user (default_room_access_level null)', alex);
    await r('rooms-create.json', 'name already used as a slug', owner, { slug: publicRoom.slug });
    await r('rooms-create.json', 'free-text name', owner);
    await r('rooms-create.json', 'no name', owner);
    await r('rooms-create.json', 'unknown configuration key', owner, { slug: randomSlug() });
    for (const situation of ['logged out', 'session but no X-CSRFToken', 'session + CSRF but neither', 'session + CSRF, foreign Origin']) {
      await r('rooms-create.json', situation, situation === 'logged out' ? anonymous() : owner, { slug: randomSlug() });
    }
    await r('rooms-create.json', 'session + CSRF, no Origin, Referer', owner, { slug: randomSlug() });
    await r('rooms-create.json', 'path without trailing slash', owner, { slug: randomSlug() });

    await r('rooms-list.json', 'logged out', anonymous());
    // More rooms than a page holds, as the recorded owner had: `next` is then a URL.
    for (let index = 0; index < 16; index += 1) await created('owner creates a room (no access_level');
    await r('rooms-list.json', 'owner, default page size', owner);
    await r('rooms-list.json', 'owner, page_size=2 (first page)', owner);
    await r('rooms-list.json', 'owner, page=2&page_size=2', owner);
    await r('rooms-list.json', 'owner, page beyond the last', owner);
    await r('rooms-list.json', 'new user (one room)', alex);

    await r('rooms-retrieve.json', 'owner, by slug, public room', owner, { room: publicRoom });
    await r('rooms-retrieve.json', 'owner, by id, public room', owner, { room: publicRoom });
    await r('rooms-retrieve.json', 'owner, slug in upper case', owner, { room: publicRoom });
    await r('rooms-retrieve.json', 'owner, without ?username', owner, { room: liveRoom });
    await r('rooms-retrieve.json', 'other logged-in user (no role), public room', other, { room: publicRoom });
    await r('rooms-retrieve.json', 'anonymous, public room, with ?username', anonymous(), { room: publicRoom });
    await r('rooms-retrieve.json', 'anonymous, public room, without ?username', anonymous(), { room: publicRoom });
    await r('rooms-retrieve.json', 'anonymous, restricted room (lobby)', anonymous(), { room: liveRoom });
    await r('rooms-retrieve.json', 'other logged-in user (no role), restricted room', other, { room: liveRoom });
    await r('rooms-retrieve.json', 'anonymous, trusted room (lobby)', anonymous(), { room: trustedRoom });
    await r('rooms-retrieve.json', 'other logged-in user (no role), trusted room (direct entry)', other, { room: trustedRoom });
    await r('rooms-retrieve.json', 'unknown slug (ALLOW_UNREGISTERED_ROOMS=False)', owner);
    await r('rooms-retrieve.json', 'unknown slug, logged out (ALLOW', anonymous());
    await r('rooms-retrieve.json', 'unknown id', anonymous());
    await r('rooms-retrieve.json', 'bad slug', anonymous());
    await r('rooms-retrieve.json', 'path without trailing slash', anonymous(), { room: publicRoom });

    // --- the live room: the owner joins, guests go through the lobby
    const ownerGrant = await r('rooms-retrieve.json', 'owner, restricted room', owner, { room: liveRoom });
    const notPresentGrant = await r('rooms-retrieve.json', 'other logged-in user, trusted room (token kept', other, { room: trustedRoom });
    const ownerBot = await joinRoom(grantOf(ownerGrant.body), liveRoom, true);
    await observer.endStep('owner joins room R');

    const guests = Array.from({ length: 8 }, (_, index) => new Caller(`guest ${index}`));
    const [, guest1, guest2, guest3, guest4, guest5, guest6, guest7] = guests as [Caller, Caller, Caller, Caller, Caller, Caller, Caller, Caller];
    const live = { room: liveRoom };
    await r('rooms-request-entry.json', 'anonymous guest, restricted room, first request', guest1, live);
    await observer.endStep('lobby: guest 1 requests entry');
    await r('rooms-request-entry.json', 'same guest polls again', guest1, live);
    await observer.endStep('lobby: guest 1 polls');
    const guest1Id = (await guest1.cookie(devstack.origin, 'lobbyParticipantId')) ?? '';
    await r('rooms-waiting-participants.json', 'owner, one guest waiting', owner, live);
    await r('rooms-waiting-participants.json', 'owner, by slug instead of id', owner, live);
    await r('rooms-waiting-participants.json', 'logged-in user without a role', other, live);
    await r('rooms-waiting-participants.json', 'logged out', anonymous(), live);
    await r('rooms-waiting-participants.json', 'owner, public room (no lobby)', owner, { room: publicRoom });
    await r('rooms-waiting-participants.json', 'unknown room', owner);
    await observer.endStep('lobby: waiting list');

    await r('rooms-enter.json', 'owner admits a waiting guest', owner, { ...live, uuid: guest1Id });
    await r('rooms-request-entry.json', 'guest polls after being admitted', guest1, live);
    const guest1Grant = await r('rooms-request-entry.json', 'admitted guest polls once more', guest1, live);
    await r('rooms-waiting-participants.json', 'owner, after admitting the only guest', owner, live);
    await observer.endStep('lobby: admit guest 1');

    await r('rooms-request-entry.json', 'second anonymous guest, first request', guest2, live);
    const guest2Id = (await guest2.cookie(devstack.origin, 'lobbyParticipantId')) ?? '';
    await r('rooms-enter.json', 'owner denies a waiting guest', owner, { ...live, uuid: guest2Id });
    await r('rooms-request-entry.json', 'guest polls after being denied', guest2, live);
    await observer.endStep('lobby: guest 2 denied');
    await sleep(DENIAL_EXPIRY_MS);
    await r('rooms-request-entry.json', 'denied guest polls again after the denial expired', guest2, live);
    await observer.endStep('lobby: denied entry expired');

    await r('rooms-request-entry.json', 'third anonymous guest, first request', guest3, live);
    const guest3Id = (await guest3.cookie(devstack.origin, 'lobbyParticipantId')) ?? '';
    await r('rooms-waiting-participants.json', 'owner, two guests waiting', owner, live);
    await sleep(WAITING_EXPIRY_MS);
    await r('rooms-waiting-participants.json', 'owner, ~4 s after the guests stopped polling', owner, live);
    await r('rooms-enter.json', 'owner admits a guest whose waiting entry expired', owner, { ...live, uuid: guest3Id });
    await r('rooms-request-entry.json', 'expired guest polls again', guest3, live);
    await observer.endStep('lobby: waiting entry expiry');

    await r('rooms-enter.json', 'unknown participant_id', owner, live);
    await r('rooms-enter.json', 'participant_id not a UUID', owner, live);
    await r('rooms-enter.json', 'public room', owner, { room: publicRoom });
    await r('rooms-enter.json', 'logged-in user without a role', other, live);
    await r('rooms-enter.json', 'logged out', anonymous(), live);
    await r('rooms-enter.json', 'owner session without X-CSRFToken', owner, live);
    await r('rooms-request-entry.json', 'anonymous, public room (accepted at once)', anonymous(), { room: publicRoom });
    await r('rooms-request-entry.json', 'anonymous, trusted room (waits)', guest4, { room: trustedRoom });
    await r('rooms-request-entry.json', 'logged-in user without a role, trusted room', other, { room: trustedRoom });
    await r('rooms-request-entry.json', 'owner, restricted room (accepted at once)', owner, live);
    const cookieless = [anonymous(), anonymous()];
    await r('rooms-request-entry.json', 'anonymous caller that does not keep cookies, call 1', cookieless[0] as Caller, live);
    await r('rooms-request-entry.json', 'anonymous caller that does not keep cookies, call 2', cookieless[1] as Caller, live);
    await r('rooms-request-entry.json', 'missing username', guest5, live);
    await r('rooms-request-entry.json', 'unknown room', guest6);
    await r('rooms-request-entry.json', 'logged-in user without X-CSRFToken', other, live);
    await r('rooms-request-entry.json', 'path without trailing slash', guest7, live);
    // These guests never poll again: their waiting entries expire, as on the real server.
    const lastUnansweredRequestAt = Date.now();
    await observer.endStep('lobby: errors');

    await r('rooms-request-entry.json', 'logged-in user without a role, restricted room (waits', other, live);
    const otherLobbyId = (await other.cookie(devstack.origin, 'lobbyParticipantId')) ?? '';
    await r('rooms-enter.json', 'owner admits a logged-in user', owner, { ...live, uuid: otherLobbyId });
    const otherGrant = await r('rooms-request-entry.json', 'logged-in user polls after being admitted', other, live);
    await observer.endStep('lobby: other user admitted');

    // --- Bearer actions: first before anyone but the owner is in the room
    const guest1Token = grantOf(guest1Grant.body);
    await r('rooms-toggle-hand.json', 'Bearer of a participant NOT present', none, { ...live, bearer: guest1Token });
    await r('rooms-toggle-hand.json', 'Bearer for a room that has no LiveKit room yet', none, {
      room: trustedRoom,
      bearer: grantOf(notPresentGrant.body),
    });
    await r('rooms-rename.json', 'Bearer of a participant NOT present', none, { ...live, bearer: guest1Token });
    await r('rooms-mute-participant.json', 'Bearer of a participant NOT present', none, { ...live, bearer: guest1Token });
    await observer.endStep('bearer: not present');

    const guest1Bot = await joinRoom(guest1Token, liveRoom);
    const guest1Microphone = await guest1Bot.publishAudio();
    const otherToken = grantOf(otherGrant.body);
    const otherBot = await joinRoom(otherToken, liveRoom);
    await RoomObserver.waitForParticipants(ownerBot.room, [guest1Bot.identity, otherBot.identity]);
    await observer.endStep('guest 1 and other user join');

    await r('rooms-toggle-hand.json', 'Bearer of a present participant, raise', none, { ...live, bearer: guest1Token });
    await observer.endStep('toggle-hand raise (guest 1)');
    await r('rooms-toggle-hand.json', 'Bearer of a present participant, lower', none, { ...live, bearer: guest1Token });
    await observer.endStep('toggle-hand lower (guest 1)');
    await r('rooms-toggle-hand.json', 'present Bearer, body without raised', none, { ...live, bearer: guest1Token });
    await r('rooms-toggle-hand.json', 'Bearer of another room', none, { room: trustedRoom, bearer: guest1Token });
    for (const situation of ['Bearer that is not a valid JWT', 'Authorization with another scheme', 'no Authorization header, no cookies']) {
      await r('rooms-toggle-hand.json', situation, none, live);
    }
    await r('rooms-toggle-hand.json', 'owner session cookie + CSRF', owner, live);
    await r('rooms-toggle-hand.json', 'unknown room, valid Bearer', none, { bearer: guest1Token });
    await observer.endStep('toggle-hand errors');
    await r('rooms-toggle-hand.json', 'Bearer of a present logged-in participant, room addressed by slug', none, { ...live, bearer: otherToken });
    await observer.endStep('toggle-hand raise (other user, by slug)');

    await r('rooms-rename.json', 'Bearer of a present participant', none, { ...live, bearer: guest1Token });
    await observer.endStep('rename (guest 1)');
    await r('rooms-rename.json', 'present Bearer, empty name', none, { ...live, bearer: guest1Token });
    await r('rooms-rename.json', 'present Bearer, name of 256 characters', none, { ...live, bearer: guest1Token });
    await r('rooms-rename.json', 'no Authorization header', owner, live);
    await observer.endStep('rename errors');

    const guest1Identity = guest1Bot.identity;
    const muteGuest1 = { ...live, uuid: guest1Identity, trackSid: guest1Microphone };
    await r('rooms-mute-participant.json', 'owner session (+CSRF), target present', owner, muteGuest1);
    await observer.endStep('mute by owner session');
    await r('rooms-mute-participant.json', 'owner session, identity not in the room', owner, live);
    await r('rooms-mute-participant.json', 'owner session, present target, unknown track_sid', owner, muteGuest1);
    await r('rooms-mute-participant.json', 'owner session, track_sid missing', owner, muteGuest1);
    await r('rooms-mute-participant.json', 'logged-in user without a role, session', other, muteGuest1);
    await r('rooms-mute-participant.json', 'no credentials at all', none, muteGuest1);
    await observer.endStep('mute errors');
    await r('rooms-mute-participant.json', 'Bearer of a present participant without a role (everyone_can_mute not set', none, {
      ...muteGuest1,
      bearer: otherToken,
    });
    await observer.endStep('mute by present Bearer (everyone_can_mute unset)');

    await r('rooms-partial-update.json', 'owner, configuration (room live in LiveKit)', owner, live);
    await observer.endStep('patch configuration everyone_can_mute=false');
    await r('rooms-mute-participant.json', 'Bearer of a present participant without a role, everyone_can_mute=false', none, {
      ...muteGuest1,
      bearer: otherToken,
    });
    await observer.endStep('mute by Bearer when everyone_can_mute=false');
    await r('rooms-partial-update.json', 'owner, access_level (room live in LiveKit)', owner, live);
    await observer.endStep('patch access_level trusted');
    await r('rooms-partial-update.json', 'owner, same values as stored', owner, live);
    await observer.endStep('patch same values again (no metadata update expected)');
    await r('rooms-partial-update.json', 'owner, access_level and configuration together', owner, live);
    await observer.endStep('patch both, back to restricted with can_publish_sources');
    await r('rooms-partial-update.json', 'owner, room not live in LiveKit', owner, { room: trustedRoom });
    await r('rooms-partial-update.json', 'owner, by slug', owner, { room: trustedRoom });
    await r('rooms-partial-update.json', 'owner, configuration {} (clears it)', owner, { room: publicRoom });
    for (const situation of ['owner, unknown access_level', 'owner, unknown configuration key', 'owner, can_publish_sources with an unknown source']) {
      await r('rooms-partial-update.json', situation, owner, live);
    }
    await r('rooms-partial-update.json', 'owner, read-only fields', owner, { room: publicRoom });
    await r('rooms-partial-update.json', 'logged-in user without a role', other, live);
    await r('rooms-partial-update.json', 'logged out', anonymous(), live);
    await r('rooms-partial-update.json', 'owner, X-CSRFToken but neither Origin nor Referer', owner, live);
    await r('rooms-partial-update.json', 'owner, Origin but no X-CSRFToken', owner, live);
    await r('rooms-partial-update.json', 'unknown room', owner);
    await observer.endStep('patch errors');

    // --- roles: the owner and the other user are both in the room
    const ownerSub = TEST_USERS[0]?.sub ?? '';
    const otherSub = TEST_USERS[1]?.sub ?? '';
    await r('rooms-update-participant-role.json', 'owner present, promotes', owner, { ...live, uuid: otherSub });
    await observer.endStep('role: promote other user');
    await r('rooms-update-participant-role.json', 'owner present, target is an anonymous guest', owner, { ...live, uuid: guest1Identity });
    await r('rooms-update-participant-role.json', 'owner present, target not in the meeting', owner, live);
    await r('rooms-update-participant-role.json', 'owner present, targets itself', owner, { ...live, uuid: ownerSub });
    await r('rooms-update-participant-role.json', 'owner present, role "owner"', owner, { ...live, uuid: otherSub });
    await r('rooms-update-participant-role.json', 'administrator (present) tries to demote the owner', other, { ...live, uuid: ownerSub });
    await r('rooms-retrieve.json', 'user promoted to administrator', other, live);
    // The recording came after those guests' entries had expired (LOBBY_WAITING_TIMEOUT): on a fast
    // machine the steps since then may take less, so the same time is let pass first.
    await sleep(Math.max(0, lastUnansweredRequestAt + WAITING_EXPIRY_MS - Date.now()));
    await r('rooms-waiting-participants.json', 'administrator (promoted during the call)', other, live);
    await r('rooms-update-participant-role.json', 'owner NOT present', owner, { room: trustedRoom, uuid: otherSub });
    await r('rooms-update-participant-role.json', 'logged out', anonymous(), live);
    await r('rooms-update-participant-role.json', 'Bearer only', none, { ...live, bearer: guest1Token });
    await r('rooms-update-participant-role.json', 'owner without X-CSRFToken', owner, live);
    await observer.endStep('role: errors');
    await r('rooms-update-participant-role.json', 'owner present, demotes the administrator', owner, { ...live, uuid: otherSub });
    await observer.endStep('role: demote other user');
    await r('rooms-update-participant-role.json', 'member (present) tries to promote someone', other, { ...live, uuid: guest1Identity });
    await r('rooms-retrieve.json', 'user with role member', other, live);
    await r('rooms-list.json', 'user with role member on one room', other);
    await observer.endStep('role: member is refused');

    // --- recording without a recorder: a start waits, then fails; meanwhile others are refused
    const pendingStart = r('rooms-start-recording.json', 'owner, mode screen_recording', owner, live);
    await sleep(200);
    await r('rooms-start-recording.json', 'owner, while the previous start is still pending', owner, live);
    await r('rooms-stop-recording.json', 'owner, while a start is still pending', owner, live);
    for (const situation of ['owner, unknown mode', 'owner, no mode', 'owner, unknown option key']) {
      await r('rooms-start-recording.json', situation, owner, live);
    }
    await r('rooms-start-recording.json', 'member (no privileges)', other, live);
    const transcriptStart = r('rooms-start-recording.json', 'owner, mode transcript with options', owner, { room: trustedRoom });
    await r('rooms-start-recording.json', 'logged out', anonymous(), live);
    await r('rooms-start-recording.json', 'Bearer only', none, { ...live, bearer: guest1Token });
    await r('rooms-stop-recording.json', 'member (no privileges)', other, live);
    await r('rooms-stop-recording.json', 'logged out', anonymous(), live);
    await Promise.all([pendingStart, transcriptStart]);
    await observer.endStep('recording');

    await r('rooms-start-subtitle.json', 'Bearer of a present participant, subtitles disabled', none, { ...live, bearer: guest1Token });
    await r('rooms-start-subtitle.json', 'no credentials, subtitles disabled', none, live);
    await r('rooms-start-subtitle.json', 'invalid Bearer, subtitles disabled', none, live);
    await r('diagnostics-connection.json', 'logged out, connection test disabled', anonymous());
    await observer.endStep('subtitle (disabled)');
    await r('rooms-stop-recording.json', 'owner, after the failed start', owner, live);
    await r('rooms-start-recording.json', 'owner, again after a failed start', owner, live);
    await observer.endStep('after recording attempts');

    await r('rooms-remove-participant.json', 'owner session, present anonymous guest', owner, { ...live, uuid: guest1Identity });
    await observer.endStep('remove guest 1');
    await r('rooms-request-entry.json', 'removed guest polls again', guest1, live);
    await r('rooms-remove-participant.json', 'owner session, identity not in the room', owner, live);
    await r('rooms-remove-participant.json', 'owner session, participant_identity missing', owner, live);
    await r('rooms-remove-participant.json', 'member session', other, live);
    await r('rooms-remove-participant.json', 'Bearer only', none, { ...live, bearer: otherToken });
    await r('rooms-remove-participant.json', 'logged out', anonymous(), live);
    await r('rooms-remove-participant.json', 'owner session, room not live', owner, { room: trustedRoom });
    await observer.endStep('after removal');

    await r('users-me.json', 'Bearer only', none, { bearer: otherToken });
    await r('logout.json', 'logged out (no session)', anonymous());
    const logoutState = stateOf(await r('logout.json', 'logged in', owner));
    await r('users-me.json', 'after /logout/ with the cookies left in the jar', owner);
    await r('logout.json', 'IdP sends the browser back to /logout-callback/ after ending', owner, { text: logoutState });
    await Promise.all(bots.splice(0).map((bot) => bot.disconnect()));
    await observer.endStep('logout');

    // --- capture B: the same server with unregistered rooms, the connection test and subtitles
    Object.assign(devstack.settings, CAPTURE_B_SETTINGS);
    await r('config.json', 'logged out; server with', anonymous());
    const ownerB = new Caller('owner');
    await login(ownerB, 0);
    await r('rooms-retrieve.json', 'unknown slug, logged out, ALLOW_UNREGISTERED_ROOMS=True', anonymous());
    await r('rooms-retrieve.json', 'unknown slug, logged in, ALLOW_UNREGISTERED_ROOMS=True', ownerB);
    await r('rooms-retrieve.json', 'unknown id (UUID), logged out', anonymous());
    await r('diagnostics-connection.json', 'logged out, CONNECTION_TEST_ENABLED=True', anonymous());
    await r('diagnostics-connection.json', 'logged in with session + CSRF + Origin', ownerB);
    await r('diagnostics-connection.json', 'logged in session without X-CSRFToken', ownerB);

    const slugB = randomSlug();
    const createdB = await replayer.replay('rooms-create.json', 'owner creates a room (no access_level', ownerB, { slug: slugB });
    const roomB = { id: idOf(createdB.body), slug: slugB };
    const ownerBToken = grantOf(createdB.body);
    await r('rooms-start-subtitle.json', 'Bearer for the room, LiveKit room not created yet', none, { room: roomB, bearer: ownerBToken });
    await joinRoom(ownerBToken, roomB, true);
    await r('rooms-start-subtitle.json', 'Bearer of a present participant, ROOM_SUBTITLE_ENABLED=True', none, { room: roomB, bearer: ownerBToken });
    await r('rooms-start-subtitle.json', 'owner session only', ownerB, { room: roomB });
    await r('rooms-start-subtitle.json', 'no credentials, ROOM_SUBTITLE_ENABLED=True', none, { room: roomB });
    await observer.endStep('B: subtitle');

    const logoutStateB = stateOf(await r('logout.json', 'logged in (second capture', ownerB));
    await r('users-me.json', 'after GET /logout/ answered 302', ownerB);
    await r('logout.json', 'IdP sends the browser back to /logout-callback/ (second capture)', ownerB, { text: logoutStateB });
    await r('users-me.json', 'after the /logout-callback/ (session ended)', ownerB);
    await r('logout.json', 'logout-callback without a logout in progress', anonymous());
    await Promise.all(bots.splice(0).map((bot) => bot.disconnect()));
    await observer.endStep('B: logout round trip');

    // --- every recorded exchange was played, unless listed with its reason
    const played = new Set(replayer.replayed.map((answer) => `${answer.file} — ${answer.exchange.situation}`));
    const excused = new Set(CONTRACT_EXCEPTIONS.map((exception) => `${exception.file} — ${exception.situation}`));
    const unplayed = ENDPOINT_FILES.flatMap((file) =>
      replayer
        .exchanges(file)
        .map((exchange) => `${file} — ${exchange.situation}`)
        .filter((key) => !played.has(key) && !excused.has(key)),
    );
    const tokens = compareTokens(
      readRecording<RecordedToken[]>('livekit-token-claims.json'),
      replayer.replayed,
      new Set(TEST_USERS.map((user) => user.sub)),
      { instance: devstack.origin, idp: devstack.issuer },
    );
    expect({ unplayed, answers: replayer.problems, room: observer.problems, tokens }).toEqual({
      unplayed: [],
      answers: [],
      room: [],
      tokens: [],
    });
  }, 600_000);
});
