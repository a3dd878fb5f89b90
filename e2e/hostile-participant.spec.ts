// A hostile member in the room tries everything a LiveKit room lets anyone send: subtitles in
// the name of the user, admin notices, floods, malformed and oversized payloads, markup in its
// name. The app shows none of it, keeps working, and an honest participant's chat, reaction,
// hand and subtitles still come through in the same room.
import { DataPacket_Kind, RoomServiceClient } from 'livekit-server-sdk';
import { expect, test } from './bot-fixtures';
import { FORGED_SUBTITLE, HOSTILE_ATTRIBUTES, HOSTILE_NAME, HostileParticipant, PHISHING_URL } from '../devstack/hostile-bot';
import { enterCall } from './join';
import { MEDIA_TIMEOUT } from './media-probe';
import { createRoom, ownerSession, shareSession } from './rooms';
import type { Page } from '@playwright/test';

const EIGHT_MIB = 8 * 1024 * 1024;

/** Texts that only an attack that got through could put on the page. */
const ATTACK_SIGNS = [FORGED_SUBTITLE, PHISHING_URL, 'Un administrateur a baissé votre main', 'Un administrateur a coupé votre micro', 'vous a retiré le droit', 'durée maximale d’enregistrement'];

/**
 * Records every text the page ever shows that contains one of `signs`, however briefly (a
 * toast or a subtitle line lives a few seconds): absence at the end then means absence throughout.
 */
async function watchForTexts(page: Page, signs: string[]): Promise<() => Promise<string[]>> {
  await page.evaluate((needles) => {
    const seen: string[] = [];
    (window as unknown as { attackSigns: string[] }).attackSigns = seen;
    const check = (node: Node) => {
      const text = node.textContent ?? '';
      for (const needle of needles) if (text.includes(needle)) seen.push(text.slice(0, 200));
    };
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'characterData') check(mutation.target);
        mutation.addedNodes.forEach(check);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, signs);
  return () => page.evaluate(() => (window as unknown as { attackSigns: string[] }).attackSigns);
}
const SHOWN_CHAT_CHARS = 4 * 1024;

test('a hostile participant cannot speak for others, act as an admin or flood the app', async ({ devstack, openParticipant, joinBot }) => {
  test.setTimeout(240_000);
  const session = await ownerSession(devstack);
  const room = await createRoom(devstack, 'public', session);
  const { page, context } = await openParticipant('about:blank');
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const lobbyCalls: number[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/waiting-participants/')) lobbyCalls.push(Date.now());
  });
  await shareSession(context, session);
  await enterCall(page, devstack.origin, room.slug, 'La Ministre');
  const attackSignsSeen = await watchForTexts(page, ATTACK_SIGNS);

  const ownTile = page.locator('[data-testid="participant-tile"][data-source="camera"]').filter({ hasText: '(vous)' });
  const appIdentity = (await ownTile.getAttribute('data-participant-identity')) ?? '';
  expect(appIdentity).not.toBe('');
  const handButton = page.getByRole('toolbar').getByRole('button', { name: 'Lever la main' });
  await handButton.click();
  await expect(handButton).toHaveAttribute('aria-pressed', 'true');
  const subtitlesButton = page.getByRole('toolbar').getByRole('button', { name: 'Sous-titres' });
  await subtitlesButton.click();
  const subtitles = page.getByRole('region', { name: 'Sous-titres en direct' });

  const honest = await joinBot(room, { name: 'Bertrand Honnête' });
  await honest.publishAudio();
  const mallory = new HostileParticipant(await joinBot(room, { name: HOSTILE_NAME, attributes: HOSTILE_ATTRIBUTES }));
  const malloryTile = page.locator(`[data-testid="participant-tile"][data-participant-identity="${mallory.bot.identity}"]`);
  await expect(malloryTile).toBeVisible({ timeout: MEDIA_TIMEOUT });
  await expect.poll(() => mallory.microphoneOf(appIdentity), { timeout: MEDIA_TIMEOUT }).toBeTruthy();
  const appMicrophone = mallory.microphoneOf(appIdentity) ?? '';

  // Every attack, each bounded; the member's own last chat marks the end of what it sent.
  await mallory.forgeSubtitles(appIdentity, appMicrophone);
  await mallory.fakeAdminNotices(appIdentity);
  await mallory.datedChats(appIdentity);
  await mallory.malformedPackets();
  await mallory.waitingFlood(500);
  await mallory.hugeChat(EIGHT_MIB);
  const flooded = await mallory.packetFlood(3000, 15_000);
  expect(flooded).toBeGreaterThan(0);
  await mallory.bot.sendChat('fin des attaques');

  // The server's own `participantWaiting`, many times a second: the lobby is asked at most once a second.
  const roomService = new RoomServiceClient(devstack.livekitHttpUrl, devstack.apiKey, devstack.apiSecret);
  const floodStart = Date.now();
  const waiting = new TextEncoder().encode(JSON.stringify({ type: 'participantWaiting' }));
  for (let index = 0; index < 100; index += 1) await roomService.sendData(room.id, waiting, DataPacket_Kind.RELIABLE, {});

  // Responsive: a click opens the chat, where the member's last message has arrived.
  await page.getByRole('toolbar').getByRole('button', { name: /^Messages/ }).click();
  const messages = page.getByRole('list', { name: 'Liste des messages' }).getByRole('listitem');
  await expect(messages.filter({ hasText: 'fin des attaques' })).toHaveCount(1, { timeout: 60_000 });

  // The honest participant's chat, reaction, hand and subtitles still work.
  await honest.sendChat('Bonjour de Bertrand');
  await expect(messages.last()).toContainText('Bonjour de Bertrand');
  await honest.sendReaction('party-popper');
  await expect(page.locator('.floating-reaction').filter({ hasText: 'Bertrand Honnête' })).toContainText('🎉');
  await honest.raiseHand();
  await expect(page.locator('[data-testid="participant-tile"][aria-label="Bertrand Honnête"]').getByRole('img', { name: 'Main levée' })).toBeVisible();
  const agent = await joinBot(room, { name: 'Agent sous-titres', subtitleAgent: true });
  await expect.poll(() => new HostileParticipant(agent).microphoneOf(honest.identity), { timeout: MEDIA_TIMEOUT }).toBeTruthy();
  await agent.publishSubtitle({ participantIdentity: honest.identity, text: 'Le vrai sous-titre.' });
  await expect(subtitles).toContainText('Bertrand Honnête : Le vrai sous-titre.');

  // No forged subtitle, no fake admin notice, no phishing text, at any moment; hand still raised.
  expect(await attackSignsSeen()).toEqual([]);
  await expect(page.getByText(FORGED_SUBTITLE)).toHaveCount(0);
  await expect(subtitles.locator(`[data-speaker-identity="${appIdentity}"]`)).toHaveCount(0);
  await expect(page.getByText('Un administrateur a baissé votre main.')).toHaveCount(0);
  await expect(page.getByText('Un administrateur a coupé votre micro.')).toHaveCount(0);
  await expect(page.getByText(/vous a retiré le droit/)).toHaveCount(0);
  await expect(page.getByText('La durée maximale d’enregistrement est atteinte', { exact: false })).toHaveCount(0);
  await expect(page.getByText(PHISHING_URL, { exact: false })).toHaveCount(0);
  await expect(handButton).toHaveAttribute('aria-pressed', 'true');

  // Chat: the 8 MiB message cut and marked, dates of the sender ignored (received order kept).
  const huge = messages.filter({ hasText: 'AAAA' });
  await expect(huge).toHaveCount(1);
  await expect(huge).toContainText('(message tronqué)');
  const hugeText = (await huge.locator('.chat__text').textContent()) ?? '';
  expect(hugeText.replace('(message tronqué)', '').trim().length).toBeLessThanOrEqual(SHOWN_CHAT_CHARS);
  const texts = await messages.allTextContents();
  const position = (needle: string) => texts.findIndex((text) => text.includes(needle));
  expect(position('daté 0')).toBeGreaterThanOrEqual(0);
  expect(position('daté 8640000000000000')).toBeGreaterThan(position('daté 0'));
  expect(position('fin des attaques')).toBeGreaterThan(position('daté 8640000000000000'));
  expect(texts.at(-1)).toContain('Bonjour de Bertrand');
  await expect(messages.filter({ hasText: 'identifiant géant' })).toHaveCount(0);

  // Markup and CSS in the name and attributes stay inert text.
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
  const avatarStyle = await malloryTile.locator('.avatar').evaluate((element) => (element as HTMLElement).style.cssText).catch(() => '');
  expect(avatarStyle).not.toContain('url(');

  // The lobby was asked about the server's flood, at most about once a second since it began (a
  // hundred notices, so a lobby asked for each would far exceed it). Counted rather than spaced:
  // the test sees each request some time after the page made it, later still on a busy machine.
  await expect.poll(() => lobbyCalls.filter((time) => time >= floodStart).length, { timeout: MEDIA_TIMEOUT }).toBeGreaterThan(0);
  const secondsSinceFlood = (Date.now() - floodStart) / 1000;
  expect(lobbyCalls.filter((time) => time >= floodStart).length).toBeLessThanOrEqual(Math.ceil(secondsSinceFlood) + 2);
  expect(pageErrors).toEqual([]);
});
