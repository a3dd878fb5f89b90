// The main process's texts (tray, notifications, dialogs, messages for administrators), the
// `main` namespace of the locale files. main-i18n.test.ts checks every language has exactly
// French's keys.
import type { LocaleTables } from '../i18n';
import de from './de/main.json' with { type: 'json' };
import en from './en/main.json' with { type: 'json' };
import fr from './fr/main.json' with { type: 'json' };
import nl from './nl/main.json' with { type: 'json' };

export type MainStrings = typeof fr;

export const mainLocales: LocaleTables = { fr, en, de, nl };
