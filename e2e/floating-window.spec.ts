// The floating call window next to a call: the call page opens a small window of its own origin
// and renders into it the active speaker's video, the reactions and its controls (microphone,
// camera, hand, back to the call page, leave). The page keeps the call; the window only shows
// what the page puts there.
import type { Locator } from '@playwright/test';
import { cspViolations, servePagesWithPolicy } from './app-policy';
import { accessibilityViolations } from './axe';
import { expect, test } from './bot-fixtures';
import { enterCall } from './join';
import { expectVideoPlaying, MEDIA_TIMEOUT, remoteVideo } from './media-probe';
import { createRoom } from './rooms';
import { recordShownTextsFromNow, shownTexts } from './shown-texts';

test('the floating window plays the speaker’s video and drives the call: microphone, camera, hand, back to the call page, leave', async ({ devstack, openParticipant, joinBot }) => {
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant('about:blank');
  await servePagesWithPolicy(page, devstack);
  await enterCall(page, devstack.origin, room.slug, 'Alice Durand');

  // Someone else joins with a camera and speaks (a real tone published into the room).
  const bot = await joinBot(room, { name: 'Bertrand Robot' });
  await bot.publishVideo();
  await bot.publishAudio();

  const toolbar = page.getByRole('toolbar');
  const popupOpened = page.waitForEvent('popup');
  await toolbar.getByRole('button', { name: 'Mini-fenêtre' }).click();
  const floating = await popupOpened;
  floating.on('pageerror', (error) => console.error(`[floating page error] ${error.message}`));
  await expect(toolbar.getByRole('button', { name: 'Mini-fenêtre' })).toHaveAttribute('aria-pressed', 'true');
  await expect(floating).toHaveTitle('Visio — mini-fenêtre de la réunion');

  // The speaker's own video, played in the floating window's document.
  await expect(floating.getByTestId('floating-name')).toHaveText('Bertrand Robot', { timeout: MEDIA_TIMEOUT });
  await expectVideoPlaying(floating, remoteVideo(bot.identity));
  expect(await accessibilityViolations(floating)).toEqual([]);

  // A reaction floats over the video there too.
  await recordShownTextsFromNow(floating, '.floating-reaction');
  await bot.sendReaction('thumbs-up');
  await expect.poll(() => shownTexts(floating, '.floating-reaction')).toEqual([expect.stringMatching(/^👍\s*Bertrand Robot$/)]);

  // Each button acts on the call: the call's own button follows, and so does the floating one.
  const controls = floating.getByRole('group', { name: 'Commandes de la réunion' });
  const toggles = async (name: string, from: 'true' | 'false', press: (button: Locator) => Promise<void>) => {
    const to = from === 'true' ? 'false' : 'true';
    await expect(toolbar.getByRole('button', { name })).toHaveAttribute('aria-pressed', from);
    await press(controls.getByRole('button', { name }));
    await expect(toolbar.getByRole('button', { name })).toHaveAttribute('aria-pressed', to);
    await expect(controls.getByRole('button', { name })).toHaveAttribute('aria-pressed', to);
  };
  await toggles('Microphone', 'true', (button) => button.click());
  // The camera, with the keyboard.
  await toggles('Caméra', 'true', async (button) => {
    await button.focus();
    await floating.keyboard.press('Enter');
  });
  await toggles('Lever la main', 'false', (button) => button.click());
  expect(await accessibilityViolations(floating)).toEqual([]);

  // "Show Visio", with the keyboard: the call page (the window that opened this one) is brought
  // forward and the floating window goes, as whenever the call page is seen again.
  await page.evaluate(() => {
    const calls = { count: 0 };
    const focus = window.focus.bind(window);
    Object.assign(window, { __focusCalls: calls });
    window.focus = () => {
      calls.count += 1;
      focus();
    };
  });
  const showMain = controls.getByRole('button', { name: 'Afficher Visio' });
  await expect(showMain).toHaveAttribute('title', 'Afficher Visio');
  const floatingHidden = floating.waitForEvent('close');
  await showMain.focus();
  // The key closes the window it is pressed in: only that may interrupt the press.
  await floating.keyboard.press('Enter').catch((error: unknown) => {
    if (!floating.isClosed()) throw error;
  });
  await floatingHidden;
  expect(await page.evaluate(() => (window as unknown as { __focusCalls: { count: number } }).__focusCalls.count)).toBe(1);
  await expect(toolbar.getByRole('button', { name: 'Mini-fenêtre' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('call')).toBeVisible();

  // Opened again, it shows the call as before.
  const reopened = page.waitForEvent('popup');
  await toolbar.getByRole('button', { name: 'Mini-fenêtre' }).click();
  const again = await reopened;
  await expect(again.getByTestId('floating-name')).toHaveText('Bertrand Robot', { timeout: MEDIA_TIMEOUT });

  // Leave: the call ends in the page, and the floating window goes with it.
  const floatingClosed = again.waitForEvent('close');
  await again.getByRole('group', { name: 'Commandes de la réunion' }).getByRole('button', { name: 'Quitter la réunion' }).click();
  await expect(page.getByTestId('call')).toHaveCount(0);
  await floatingClosed;
  expect(await cspViolations(page)).toEqual([]);
});
