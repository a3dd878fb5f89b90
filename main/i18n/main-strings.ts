// The words the main process shows itself (tray, notifications, dialogs, messages for
// administrators), one table per language with the keys of French (main-strings.test.ts checks
// them). A key a table still lacks reads in French rather than as nothing.
import { localeOf, type Language } from '../../common/languages';
import type { StringTree } from '../../common/translation-check';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import nl from './nl.json' with { type: 'json' };

export type MainStrings = typeof fr;

export const mainStringTables: Record<Language, StringTree> = { fr, en, de, nl };

/** A translation with the reference's text wherever it lacks a key. */
export function completedBy(reference: StringTree, translation: StringTree): StringTree {
  const merged: Record<string, string | StringTree> = {};
  for (const [key, value] of Object.entries(reference)) {
    const own = translation[key];
    if (typeof value === 'string') merged[key] = typeof own === 'string' ? own : value;
    else merged[key] = completedBy(value, typeof own === 'object' ? own : {});
  }
  return merged;
}

const resolved = new Map<Language, MainStrings>();

export function mainStrings(language: Language): MainStrings {
  let strings = resolved.get(language);
  if (!strings) {
    strings = completedBy(fr, mainStringTables[language]) as MainStrings;
    resolved.set(language, strings);
  }
  return strings;
}

/** Puts values into a text's `{{name}}` places; an unknown name stays visible rather than empty. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A time of day as the language writes it, through Intl. */
export function timeOfDay(date: Date, language: Language): string {
  return date.toLocaleTimeString(localeOf[language], { hour: '2-digit', minute: '2-digit' });
}
