// The call screen as Meet's: the control bar is one row of icon buttons from 1024×768 up, a
// narrow window moves the least used actions into "more options" where the pointer and the
// keyboard still reach them, the prejoin's Join button shows without scrolling at 1366×768, and
// axe finds nothing with the menus open.
import type { Locator, Page } from '@playwright/test';
import { accessibilityViolations } from './axe';
import { moreOptionsButton, moreOptionsMenu } from './call-controls';
import type { Devstack } from '../devstack/index';
import { expect, test, type Participant } from './fixtures';
import { enterCall } from './join';
import { createRoom, ownerSession, shareSession } from './rooms';

/** The actions of the bar that a narrow window may move into "more options". */
const MOVABLE = ['Informations de la réunion', 'Enregistrement', 'Sous-titres', 'Réactions', 'Partager l’écran', 'Lever la main'];
/** Always in the bar, whatever the width. */
const FIXED = ['Microphone', 'Choisir les appareils audio', 'Caméra', 'Choisir la source vidéo', 'Plus d’options', 'Quitter la réunion', 'Messages', 'Participants'];
/** Always in "more options". */
const MENU_ONLY = ['Automatique', 'Mosaïque', 'Intervenant', 'Effets d’arrière-plan', 'Plein écran', 'Paramètres', 'Tester ma connexion', 'Raccourcis clavier'];

/** As the room's owner, so that the recording button is there too. */
async function enterCallAsOwner(openParticipant: (path?: string) => Promise<Participant>, devstack: Devstack): Promise<Page> {
  const session = await ownerSession(devstack);
  const room = await createRoom(devstack, 'public', session);
  const participant = await openParticipant('about:blank');
  await shareSession(participant.context, session);
  await enterCall(participant.page, devstack.origin, room.slug, 'Camille Martin');
  return participant.page;
}

/** An entry of a menu, whatever its kind (action, choice, checkable). */
function menuEntry(menu: Locator, name: string): Locator {
  const byRole = (role: 'menuitem' | 'menuitemradio' | 'menuitemcheckbox') => menu.getByRole(role, { name, exact: true });
  return byRole('menuitem').or(byRole('menuitemradio')).or(byRole('menuitemcheckbox'));
}

function toolbarButton(page: Page, name: string): Locator {
  return page.getByTestId('control-bar').getByRole('button', { name, exact: true });
}

/** The bar's content height against one button's, and whether every button sits on the same row. */
async function barRows(page: Page): Promise<{ content: number; button: number; tops: number[] }> {
  return page.getByTestId('control-bar').evaluate((bar) => {
    const style = getComputedStyle(bar);
    const content = bar.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    const buttons = Array.from(bar.querySelectorAll('button'));
    return { content, button: buttons[0]?.getBoundingClientRect().height ?? 0, tops: buttons.map((button) => button.getBoundingClientRect().top) };
  });
}

test('the control bar is one row at 1024×768 and 1280×720, with every action in it or in “more options”', async ({ devstack, openParticipant }) => {
  const page = await enterCallAsOwner(openParticipant, devstack);
  for (const size of [{ width: 1024, height: 768 }, { width: 1280, height: 720 }]) {
    await page.setViewportSize(size);
    for (const name of [...FIXED, ...MOVABLE]) await expect(toolbarButton(page, name)).toBeVisible();
    await expect.poll(async () => {
      const { content, button, tops } = await barRows(page);
      return Math.abs(content - button) <= 2 && tops.every((top) => Math.abs(top - (tops[0] ?? 0)) <= 2);
    }).toBe(true);
  }
  await moreOptionsButton(page).click();
  for (const name of MENU_ONLY) await expect(menuEntry(moreOptionsMenu(page), name)).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(moreOptionsMenu(page)).toHaveCount(0);

  await toolbarButton(page, 'Choisir les appareils audio').click();
  const devices = page.getByRole('menu', { name: 'Choisir les appareils audio' });
  await expect(devices.getByRole('group', { name: 'Micro utilisé' }).getByRole('menuitemradio', { name: 'Appareil par défaut' })).toHaveAttribute('aria-checked', 'true');
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(devices).toHaveCount(0);
});

test('a narrow window moves actions into “more options”, where pointer and keyboard reach them', async ({ devstack, openParticipant }) => {
  const page = await enterCallAsOwner(openParticipant, devstack);
  await page.setViewportSize({ width: 540, height: 700 });
  const { tops } = await barRows(page);
  expect(tops.every((top) => Math.abs(top - (tops[0] ?? 0)) <= 2)).toBe(true);
  await expect(toolbarButton(page, 'Informations de la réunion')).toHaveCount(0);
  for (const name of FIXED) await expect(toolbarButton(page, name)).toBeVisible();

  // By pointer: the meeting information, moved first, opens from the menu.
  await moreOptionsButton(page).click();
  await moreOptionsMenu(page).getByRole('menuitem', { name: 'Informations de la réunion', exact: true }).click();
  const info = page.getByRole('dialog', { name: 'Informations de la réunion' });
  await expect(info).toBeVisible();
  await info.getByRole('button', { name: 'Fermer' }).click();
  await expect(info).toHaveCount(0);

  // By keyboard: F2 to the bar, the arrows to "more options", Enter opens it, the arrows reach "Lever la main".
  await page.keyboard.press('F2');
  const more = moreOptionsButton(page);
  await expect(more).toBeVisible();
  for (let presses = 0; presses < 20 && !(await more.evaluate((element) => element === document.activeElement)); presses += 1) await page.keyboard.press('ArrowRight');
  await expect(more).toBeFocused();
  await page.keyboard.press('Enter');
  const menu = moreOptionsMenu(page);
  await expect(menu).toBeVisible();
  const raise = menu.getByRole('menuitemcheckbox', { name: 'Lever la main', exact: true });
  await expect(raise).toBeVisible();
  for (let presses = 0; presses < 20 && !(await raise.evaluate((element) => element === document.activeElement)); presses += 1) await page.keyboard.press('ArrowDown');
  await expect(raise).toBeFocused();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="participant-tile"][aria-label="Camille Martin (vous)"]').getByRole('img', { name: 'Main levée' })).toBeVisible();
  await more.click();
  await expect(menu.getByRole('menuitemcheckbox', { name: 'Lever la main', exact: true })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');

  // Wider again, everything comes back to the bar.
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const name of MOVABLE) await expect(toolbarButton(page, name)).toBeVisible();
});

test('the prejoin shows its Join button without scrolling at 1366×768', async ({ devstack, openParticipant }) => {
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant('about:blank');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${devstack.origin}/${room.slug}`);
  const join = page.getByRole('button', { name: 'Rejoindre la réunion' });
  await expect(join).toBeEnabled();
  await expect(page.locator('video.preview__video')).toBeVisible();
  await expect(join).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
});
