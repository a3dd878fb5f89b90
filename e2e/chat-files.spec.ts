// Files in the chat with real parts: Alice (the app, under its own Content-Security-Policy) attaches
// a picture and a text file from the keyboard and sends them without a word; they travel through the
// devstack's LiveKit as byte streams attached to her message. Bruno (a second app) sees each by name
// and size, the picture as a thumbnail, and saves the text file: the bytes are Alice's. A client
// that ignores attachments (an rtc-node bot, as Meet's web app) reads the files' names in the text.
// Before that, the bot turns hostile: files of a forbidden type, announced too large, larger than
// announced, and a name with path parts and a bidirectional override; each is refused with a line
// saying why, or shown under its cleaned name (a file larger than the limit without announcing a
// size is refused while read: room-trust/chat-files.test.ts). The chat passes axe with all of it listed.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { HostileParticipant } from '../devstack/hostile-bot';
import { cspViolations, servePagesWithPolicy } from './app-policy';
import { accessibilityViolations } from './axe';
import { expect, test } from './bot-fixtures';
import { enterCall } from './join';
import { MEDIA_TIMEOUT } from './media-probe';
import { createRoom } from './rooms';

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const chunk = Buffer.alloc(data.length + 12);
  chunk.writeUInt32BE(data.length, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), data.length + 8);
  return chunk;
}

/** A grey PNG of `width`×`height` pixels (8-bit RGB). */
function greyPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const rows = Buffer.alloc((width * 3 + 1) * height, 0x80);
  for (let row = 0; row < height; row += 1) rows[row * (width * 3 + 1)] = 0;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** The picture Alice sends. */
const PICTURE = greyPng(2, 2);
/** A text file of several LiveKit chunks (15 kB each): exactly 100 kB. */
const REPORT = Buffer.from('ligne du rapport de la réunion\n'.repeat(4000), 'utf8').subarray(0, 100_000);
/** Intl writes a no-break space between a number and its unit. */
const plainSpaces = (text: string) => text.replace(/\s/g, ' ');

const openChat = (page: Page) => page.getByRole('toolbar').getByRole('button', { name: /^Messages/ }).click();
const messages = (page: Page) => page.getByRole('list', { name: 'Liste des messages' }).getByRole('listitem').filter({ has: page.locator('.chat__meta') });

test('a file sent in the chat is listed and saved by the other participant; hostile files are refused', async ({ devstack, openParticipant, joinBot }) => {
  test.setTimeout(300_000);
  const room = await createRoom(devstack, 'public');
  const alice = await openParticipant('about:blank');
  const bruno = await openParticipant('about:blank');
  const pageErrors: string[] = [];
  for (const { page } of [alice, bruno]) page.on('pageerror', (error) => pageErrors.push(error.message));
  await servePagesWithPolicy(alice.page, devstack);
  await enterCall(alice.page, devstack.origin, room.slug, 'Alice Durand');
  await enterCall(bruno.page, devstack.origin, room.slug, 'Bruno Martin');
  const mallory = new HostileParticipant(await joinBot(room, { name: 'Mallory' }));
  for (const { page } of [alice, bruno]) {
    await expect(page.locator('[data-testid="participant-tile"][aria-label="Mallory"]')).toBeVisible({ timeout: MEDIA_TIMEOUT });
    await openChat(page);
  }

  // The hostile sender: each file judged on its own, under the message that announced it.
  await mallory.chatWithFiles('pièces jointes piégées', [
    { name: 'facture.pdf.exe', mimeType: 'application/pdf', bytes: 1000, announcedSize: 1000 },
    { name: 'enorme.pdf', mimeType: 'application/pdf', bytes: 20_000, announcedSize: 50_000_000 },
    { name: 'menteur.pdf', mimeType: 'application/pdf', bytes: 40_000, announcedSize: 1000 },
    { name: '../../rapport\u202Efdp.txt', mimeType: 'text/plain', bytes: 500, announcedSize: 500 },
  ]);
  for (const { page } of [alice, bruno]) {
    const hostile = messages(page).filter({ hasText: 'pièces jointes piégées' });
    const files = hostile.getByRole('list', { name: 'Fichiers joints' }).getByRole('listitem');
    await expect(files).toHaveCount(4);
    await expect(files.nth(0)).toHaveText('Fichier « facture.pdf.exe » refusé : ce type de fichier n’est pas permis.');
    await expect(files.nth(1)).toHaveText('Fichier « enorme.pdf » refusé : il dépasse la taille permise (10 Mo).');
    await expect(files.nth(2)).toHaveText('Fichier « menteur.pdf » refusé : il est plus gros qu’annoncé.');
    await expect(files.nth(3)).toContainText('rapportfdp.txt');
    await expect(files.nth(3)).toContainText('500 o');
    await expect(files.nth(3).getByRole('button', { name: 'Enregistrer rapportfdp.txt' })).toBeVisible();
  }

  // Alice attaches two files from the keyboard and sends them without a word.
  const input = alice.page.getByRole('textbox', { name: 'Envoyer un message' });
  await input.focus();
  await alice.page.keyboard.press('Shift+Tab');
  const attach = alice.page.getByRole('button', { name: 'Joindre un fichier' });
  await expect(attach).toBeFocused();
  const chooser = alice.page.waitForEvent('filechooser');
  await alice.page.keyboard.press('Enter');
  await (await chooser).setFiles([
    { name: 'plan-de-salle.png', mimeType: 'image/png', buffer: PICTURE },
    { name: 'rapport.txt', mimeType: 'text/plain', buffer: REPORT },
  ]);
  await expect(alice.page.getByRole('list', { name: 'Fichiers à envoyer' }).getByRole('listitem')).toHaveCount(2);
  await alice.page.getByRole('button', { name: 'Envoyer', exact: true }).click();
  const caption = `📎 plan-de-salle.png (${PICTURE.byteLength} o), rapport.txt (100 ko)`;
  const sent = messages(alice.page).filter({ hasText: caption });
  await expect(sent).toContainText('Vous', { timeout: MEDIA_TIMEOUT });
  // Her own picture's thumbnail, a blob: URL, decodes under the app's policy.
  await expect.poll(() => sent.getByRole('img', { name: 'Aperçu de plan-de-salle.png' }).evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(2);
  expect(await cspViolations(alice.page)).toEqual([]);

  // A client that ignores attachments reads which files were sent.
  await expect.poll(() => mallory.bot.receivedChat.map((message) => plainSpaces(message.text))).toContain(caption);

  // Bruno sees both files by name and size, the picture as a thumbnail, and saves the report.
  const received = messages(bruno.page).filter({ hasText: caption });
  await expect(received).toContainText('Alice Durand');
  const files = received.getByRole('list', { name: 'Fichiers joints' }).getByRole('listitem');
  await expect(files).toHaveCount(2);
  await expect(files.nth(0)).toContainText(`plan-de-salle.png ${PICTURE.byteLength} o`);
  await expect(files.nth(1)).toContainText('rapport.txt 100 ko', { timeout: MEDIA_TIMEOUT });
  await expect.poll(() => files.nth(0).getByRole('img', { name: 'Aperçu de plan-de-salle.png' }).evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(2);
  await expect(files.nth(1).getByRole('img')).toHaveCount(0);
  const download = bruno.page.waitForEvent('download');
  await files.nth(1).getByRole('button', { name: 'Enregistrer rapport.txt' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('rapport.txt');
  expect(readFileSync(await saved.path()).equals(REPORT)).toBe(true);

  // Nothing was opened, no page broke, and the chat with all its files passes axe.
  expect(pageErrors).toEqual([]);
  expect(await accessibilityViolations(bruno.page)).toEqual([]);
});
