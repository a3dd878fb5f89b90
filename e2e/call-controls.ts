// The control bar's "more options" menu, as a user reaches it: the button, then the item by its name.
import type { Locator, Page } from '@playwright/test';
import type { Language } from '../common/languages';

export type { Language };

const moreOptions: Record<Language, string> = { fr: 'Plus d’options', en: 'More options', de: 'Weitere Optionen', nl: 'Meer opties' };
const settings: Record<Language, string> = { fr: 'Paramètres', en: 'Settings', de: 'Einstellungen', nl: 'Instellingen' };

export function moreOptionsButton(page: Page, language: Language = 'fr'): Locator {
  return page.getByTestId('control-bar').getByRole('button', { name: moreOptions[language], exact: true });
}

export function moreOptionsMenu(page: Page, language: Language = 'fr'): Locator {
  return page.getByRole('menu', { name: moreOptions[language] });
}

/** Opens "more options" and activates the item named `item` (a menu item or a checkable one). */
export async function chooseInMoreOptions(page: Page, item: string, language: Language = 'fr'): Promise<void> {
  await moreOptionsButton(page, language).click();
  await moreOptionsMenu(page, language).getByRole('menuitem', { name: item, exact: true }).click();
}

/** The settings dialog of the call, opened from "more options". */
export async function openCallSettings(page: Page, language: Language = 'fr'): Promise<Locator> {
  await chooseInMoreOptions(page, settings[language], language);
  return page.getByRole('dialog', { name: settings[language] });
}
