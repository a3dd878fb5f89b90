// The settings kept between runs, in the browser variant: the language goes through
// `settings:update` and is back after a reload; a language that cannot be saved leaves the
// interface as it was; the instance picker shows the page's own instance, labelled and accessible.
import { expect, test } from './fixtures';
import { accessibilityViolations } from './axe';
import { enterCall, expectInCall } from './join';
import { createRoom } from './rooms';
import { openCallSettings } from './call-controls';

test('the language chosen in the settings is still the interface’s after a reload', async ({ devstack, openParticipant }) => {
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant('about:blank');
  await enterCall(page, devstack.origin, room.slug, 'Claire Dubois');
  await openCallSettings(page);
  await page.getByRole('dialog', { name: 'Paramètres' }).getByLabel('Langue de l’interface').selectOption('en');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const name = page.getByLabel('Your name');
  await expect(name).toBeVisible();
  await name.fill('Claire Dubois');
  await page.getByRole('button', { name: 'Join the meeting' }).click();
  await expectInCall(page);
  await openCallSettings(page, 'en');
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByLabel('Interface language')).toHaveValue('en');
});

test('a language that cannot be saved leaves the interface in its language, with a clear message', async ({ devstack, openParticipant }) => {
  const room = await createRoom(devstack, 'public');
  const { page, context } = await openParticipant('about:blank');
  // The browser refuses to store the language (as a full or locked-down storage would).
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (key === 'visio.language') throw new DOMException('Storage refused', 'QuotaExceededError');
      setItem.call(this, key, value);
    };
  });
  await enterCall(page, devstack.origin, room.slug, 'Hugo Lefèvre');
  await openCallSettings(page);
  const dialog = page.getByRole('dialog', { name: 'Paramètres' });
  const language = dialog.getByLabel('Langue de l’interface');
  await language.selectOption('en');

  await expect(dialog.getByRole('alert').filter({ hasText: 'La langue n’a pas pu être enregistrée' })).toBeVisible();
  await expect(language).toHaveValue('fr');
  await expect(language).toHaveAccessibleDescription(/l’interface reste dans la langue précédente/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('the instance picker shows the page’s instance, labelled, with no accessibility violation', async ({ devstack, openParticipant }) => {
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant('about:blank');
  await enterCall(page, devstack.origin, room.slug, 'Inès Bernard');
  await openCallSettings(page);
  const dialog = page.getByRole('dialog', { name: 'Paramètres' });

  const picker = dialog.getByRole('group', { name: 'Instance utilisée' });
  await expect(picker).toBeVisible();
  await expect(picker).toHaveAccessibleDescription('Le changement prendra effet au prochain démarrage de Visio.');
  const host = new URL(devstack.origin).host;
  await expect(picker.getByRole('radio')).toHaveCount(1);
  const own = picker.getByRole('radio', { name: `${host} — ${host} (en cours d’utilisation)` });
  await expect(own).toBeChecked();
  await expect(own).toBeEnabled();
  // A page served by its instance cannot add another one.
  await expect(dialog.getByLabel('Adresse de l’instance')).toBeDisabled();
  // The mini call window belongs to the desktop app: a page has no such checkbox.
  await expect(dialog.getByRole('checkbox', { name: /petite fenêtre d’appel/ })).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);
});
