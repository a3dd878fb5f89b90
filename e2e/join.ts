// The steps a person takes to enter a call from the prejoin screen.
import { expect, type Page } from '@playwright/test';
import de from '../common/locales/de/renderer.json' with { type: 'json' };
import en from '../common/locales/en/renderer.json' with { type: 'json' };
import fr from '../common/locales/fr/renderer.json' with { type: 'json' };
import nl from '../common/locales/nl/renderer.json' with { type: 'json' };
import { MEDIA_TIMEOUT } from './media-probe';

/** The leave button's name in every interface language: a test may have switched it. */
const LEAVE_BUTTON_NAMES = [fr, en, de, nl].map((strings) => strings.call.leave);
const LEAVE_BUTTON = new RegExp(`^(${LEAVE_BUTTON_NAMES.join('|')})$`);

export async function joinFromPrejoin(page: Page, name: string): Promise<void> {
  const nameField = page.getByLabel('Votre nom');
  await expect(nameField).toBeVisible();
  await nameField.fill(name);
  await page.getByRole('button', { name: 'Rejoindre la réunion' }).click();
}

/** Waits until the call is connected: the call screen alone also shows while still connecting. */
export async function expectInCall(page: Page): Promise<void> {
  await expect(page.getByTestId('call').getByRole('button', { name: LEAVE_BUTTON })).toBeVisible({ timeout: MEDIA_TIMEOUT });
}

/** Opens the room's prejoin, joins under `name` and waits to be in the call. */
export async function enterCall(page: Page, origin: string, slug: string, name: string): Promise<void> {
  await page.goto(`${origin}/${slug}`);
  await joinFromPrejoin(page, name);
  await expectInCall(page);
}
