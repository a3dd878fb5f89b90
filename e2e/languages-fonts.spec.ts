// German and Dutch next to French and English: chosen in the settings, the whole interface
// switches at once, in the same page, without a reload. The reading fonts come from the app's
// own origin, apply at once and are kept; the settings stay free of accessibility violations.
import { expect, test } from './fixtures';
import { MEDIA_TIMEOUT } from './media-probe';
import { accessibilityViolations } from './axe';
import { enterCall } from './join';
import { createRoom } from './rooms';
import { openCallSettings } from './call-controls';

// A call, then several screens in turn: on a busy machine this takes longer than one screen.
test.slow();

test('German, then Dutch, replace French at once, without a reload', async ({ devstack, openParticipant }) => {
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant('about:blank');
  await enterCall(page, devstack.origin, room.slug, 'Lena Schmidt');
  // A mark in this document: a reload or a new page would lose it.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

  await openCallSettings(page);
  const language = page.getByRole('dialog', { name: 'Paramètres' }).getByLabel('Langue de l’interface');
  await expect(language.getByRole('option')).toHaveText(['Français', 'English', 'Deutsch', 'Nederlands']);
  await language.selectOption('de');

  const german = page.getByRole('dialog', { name: 'Einstellungen' });
  await expect(german).toBeVisible();
  await expect(german.getByLabel('Sprache der Oberfläche')).toHaveValue('de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const toolbar = page.getByRole('toolbar', { name: 'Steuerung der Besprechung' });
  await expect(toolbar.getByRole('button', { name: 'Besprechung verlassen' })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  await german.getByLabel('Sprache der Oberfläche').selectOption('nl');
  const dutch = page.getByRole('dialog', { name: 'Instellingen' });
  await expect(dutch).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('toolbar', { name: 'Bediening van de vergadering' }).getByRole('button', { name: 'Vergadering verlaten' })).toBeVisible();
  await expect(dutch.getByRole('heading', { name: 'Toegankelijkheid' })).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test('a reading font applies at once, comes from the app’s origin and is kept', async ({ devstack, openParticipant }) => {
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant('about:blank');
  const fontRequests: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font' || /\.(woff2?|ttf|otf)(\?|$)/.test(request.url())) fontRequests.push(request.url());
  });
  await enterCall(page, devstack.origin, room.slug, 'Noah Janssen');
  await openCallSettings(page);
  const dialog = page.getByRole('dialog', { name: 'Paramètres' });
  const font = dialog.getByLabel('Police de caractères');
  await expect(font).toHaveValue('default');
  const bodyFont = () => page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(await bodyFont()).not.toContain('OpenDyslexic');

  await font.selectOption('opendyslexic');
  await expect.poll(bodyFont).toContain('OpenDyslexic');
  // The face itself is loaded, not only named: text is drawn in it.
  await expect
    .poll(() => page.evaluate(async () => { await document.fonts.ready; return document.fonts.check('16px OpenDyslexic'); }), { timeout: MEDIA_TIMEOUT })
    .toBe(true);
  await expect.poll(() => fontRequests.some((url) => url.includes('opendyslexic'))).toBe(true);
  expect(fontRequests.filter((url) => new URL(url).origin !== devstack.origin)).toEqual([]);
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.reload();
  await expect(page.getByLabel('Votre nom')).toBeVisible();
  await expect.poll(bodyFont).toContain('OpenDyslexic');
  expect(fontRequests.filter((url) => new URL(url).origin !== devstack.origin)).toEqual([]);
});
