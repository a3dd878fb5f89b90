// The interface languages, French first: every other list of languages (settings, policy,
// profile, picker, locale files) derives from this one.
import { z } from 'zod';

export const languages = ['fr', 'en', 'de', 'nl'] as const;
export type Language = (typeof languages)[number];

export const languageSchema = z.enum(languages);

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Each language's name in itself, as a language picker shows it whatever the current language. */
export const languageNames: Record<Language, string> = {
  fr: 'Français',
  en: 'English',
  de: 'Deutsch',
  nl: 'Nederlands',
};

/** The language of a locale such as `de-AT` or `nl_BE`, or null when the app does not speak it. */
export function languageOfLocale(locale: string): Language | null {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  return isLanguage(language) ? language : null;
}

/** The locale dates and times are written in, for Intl: French of France, British English… */
export const localeOf: Record<Language, string> = {
  fr: 'fr-FR',
  en: 'en-GB',
  de: 'de-DE',
  nl: 'nl-NL',
};
