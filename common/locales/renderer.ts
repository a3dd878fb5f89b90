// The interface's texts, the `renderer` namespace of the locale files: one folder per language,
// shared with main's `main` namespace (main.ts). translations.test.ts checks every language has
// exactly French's keys.
import type { LocaleTables } from '../i18n';
import de from './de/renderer.json' with { type: 'json' };
import en from './en/renderer.json' with { type: 'json' };
import fr from './fr/renderer.json' with { type: 'json' };
import nl from './nl/renderer.json' with { type: 'json' };

export type RendererStrings = typeof fr;

export const rendererLocales: LocaleTables = { fr, en, de, nl };
