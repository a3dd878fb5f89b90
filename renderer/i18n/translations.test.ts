import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it('English has exactly the keys of French', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(fr).sort());
  });

  it('no translation is empty', () => {
    const values = (tree: unknown): string[] =>
      typeof tree === 'string' ? [tree] : Object.values(tree as object).flatMap(values);
    for (const text of [...values(fr), ...values(en)]) expect(text.trim()).not.toBe('');
  });
});
