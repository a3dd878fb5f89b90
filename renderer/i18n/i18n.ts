// French first, English complete. The chosen language is remembered; without a choice the
// profile's language applies (French unless the deployment says otherwise).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';

export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'visio.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'fr' || value === 'en';
}

export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export async function setupI18n(initial: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: initial,
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = initial;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private modes may refuse storage: the choice then lasts for this page only.
  }
}
