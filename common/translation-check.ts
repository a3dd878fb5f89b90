// Compares a translation with the French reference: which keys it lacks or adds, which plural
// forms its language needs (CLDR, through Intl.PluralRules), and which {{variables}} differ.
// Used by the tests of every string table, so a missing string shows up by name.

export type StringTree = { readonly [key: string]: string | StringTree };

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Every leaf as `a.b.c` → text. */
export function flatten(tree: StringTree, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') leaves.set(path, value);
    else for (const [childPath, text] of flatten(value, path)) leaves.set(childPath, text);
  }
  return leaves;
}

/** A key with its plural form stripped: `chat.unread_one` → `chat.unread_{plural}`. */
function baseKey(key: string): string {
  return key.replace(pluralSuffix, '_{plural}');
}

/** The variable names a text interpolates: `{{count, number}}` (i18next) or `{name}` → `count`, `name`. */
export function variablesOf(text: string): string[] {
  const names = [...text.matchAll(/\{\{?\s*([^},\s]+)[^}]*\}\}?/g)].map((match) => match[1] ?? '');
  return [...new Set(names)].sort();
}

export interface TranslationReport {
  /** Keys of the reference (plurals as `key_{plural}`) this translation lacks. */
  missing: string[];
  /** Keys this translation has and the reference does not. */
  extra: string[];
  /** Plural keys whose forms are not exactly those the language's plural rules use. */
  pluralForms: string[];
  /** Keys whose {{variables}} differ from the reference's. */
  variables: string[];
  /** Keys whose text is empty. */
  empty: string[];
}

function pluralCategories(language: string): string[] {
  return [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
}

function groupByBase(leaves: Map<string, string>): Map<string, Map<string, string>> {
  const groups = new Map<string, Map<string, string>>();
  for (const [key, text] of leaves) {
    const base = baseKey(key);
    const group = groups.get(base) ?? new Map<string, string>();
    group.set(key, text);
    groups.set(base, group);
  }
  return groups;
}

export function compareTranslation(reference: StringTree, translation: StringTree, language: string): TranslationReport {
  const wanted = groupByBase(flatten(reference));
  const given = groupByBase(flatten(translation));
  const report: TranslationReport = { missing: [], extra: [], pluralForms: [], variables: [], empty: [] };
  for (const base of wanted.keys()) if (!given.has(base)) report.missing.push(base);
  for (const base of given.keys()) if (!wanted.has(base)) report.extra.push(base);
  const categories = pluralCategories(language);
  for (const [base, texts] of given) {
    const referenceTexts = wanted.get(base);
    if (!referenceTexts) continue;
    if (base.endsWith('_{plural}')) {
      const forms = [...texts.keys()].map((key) => pluralSuffix.exec(key)?.[1] ?? '').sort();
      if (forms.join() !== categories.join()) report.pluralForms.push(`${base}: has ${forms.join(', ')}; ${language} needs ${categories.join(', ')}`);
    }
    const expected = variablesOf([...referenceTexts.values()].join(' ')).join();
    for (const [key, text] of texts) {
      if (text.trim() === '') report.empty.push(key);
      // A singular may spell out "one" instead of {{count}}; every other form keeps the reference's variables.
      const found = variablesOf(text);
      const allowed = key.endsWith('_one') ? found.every((name) => expected.split(',').includes(name)) : found.join() === expected;
      if (!allowed) report.variables.push(`${key}: {{${found.join('}}, {{')}}} instead of {{${expected.split(',').join('}}, {{')}}}`);
    }
  }
  return report;
}
