// French first; English, German and Dutch complete. The chosen language is kept by the settings
// (`settings:update`) and read back at start (see startup-language.ts); this module only switches
// the interface, at once, without a reload. The set-up (fallback, interpolation, plurals) is the
// one main uses too (common/i18n.ts), over the `renderer` namespace of the locale files.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { i18nOptions } from '../../common/i18n';
import { isLanguage, languageNames, languages, type Language } from '../../common/languages';
import { rendererLocales } from '../../common/locales/renderer';

export { isLanguage, languageNames, languages, type Language };

/** Each language's strings (common/locales/<lang>/renderer.json); translations.test.ts checks they all have exactly the keys of French. */
export const translations = rendererLocales;

export async function setupI18n(initial: Language): Promise<void> {
  await i18next.use(initReactI18next).init(i18nOptions('renderer', translations, initial));
  document.documentElement.lang = initial;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
