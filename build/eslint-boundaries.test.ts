// The layer rules of eslint.config.mjs, proved to fire: each forbidden import, linted as if it
// stood in the folder it is forbidden from, gets its error; the allowed direction gets none.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = value;\n`, { filePath });
  return (result?.messages ?? []).filter((message) => /restricted-imports/.test(message.ruleId ?? '')).map((message) => message.message);
}

describe('layer rules', () => {
  it('main never imports the renderer', async () => {
    expect(await importErrors('main/desktop/example.ts', "import { value } from '../../renderer/i18n/i18n';")).toEqual([
      expect.stringContaining('never import the renderer'),
    ]);
  });

  it('the preload never imports the renderer', async () => {
    expect(await importErrors('preload/example.ts', "import { value } from '../renderer/platform/visio';")).toEqual([
      expect.stringContaining('never import the renderer'),
    ]);
  });

  it('the renderer never imports main or the preload', async () => {
    expect(await importErrors('renderer/features/example.ts', "import { value } from '../../main/i18n/main-i18n';")).toEqual([
      expect.stringContaining('only through window.visio'),
    ]);
    expect(await importErrors('renderer/app/example.ts', "import { value } from '../../preload/visio-api';")).toEqual([
      expect.stringContaining('only through window.visio'),
    ]);
  });

  it('renderer/platform never imports a feature, while a feature may use the platform', async () => {
    expect(await importErrors('renderer/platform/example.ts', "import { value } from '../features/settings/settings-store';")).toEqual([
      expect.stringContaining('knows no feature'),
    ]);
    expect(await importErrors('renderer/platform/example.ts', "import { value } from '../../main/index';")).toEqual([
      expect.stringContaining('only through window.visio'),
    ]);
    expect(await importErrors('renderer/features/example.ts', "import { value } from '../platform/visio';")).toEqual([]);
  });

  it('everyone may import common/', async () => {
    for (const filePath of ['main/example.ts', 'preload/example.ts', 'renderer/platform/example.ts']) {
      expect(await importErrors(filePath, "import { value } from '../common/i18n';")).toEqual([]);
    }
  });
});
