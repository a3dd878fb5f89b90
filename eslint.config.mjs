// The process boundary is the folder: only main's Electron adapters (main/**/electron-*.ts) and
// the preload import `electron`; the renderer never imports main, preload or Node built-ins, and
// main and the preload never import the renderer (what both need lives in common/). Inside the
// renderer, platform/ (how the page reaches main or the browser) knows no feature.
// eslint-boundaries.test.ts proves each of these rules fires.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noRenderer = { group: ['**/renderer/**'], message: 'Main and the preload never import the renderer: share through common/.' };
const rendererPatterns = [
  { group: ['node:*'], message: 'The renderer has no Node.' },
  { group: ['**/main/**', '**/preload/**', '**/devstack/**'], message: 'The renderer reaches main only through window.visio.' },
];

const electronOnlyInAdapters = {
  paths: [{ name: 'electron', message: 'Only main/**/electron-*.ts adapters and preload/ import electron.' }],
};
// Plain main modules may name Electron's types (erased at build time), never load it at run time.
const electronTypesOnlyOutsideAdapters = {
  paths: [
    {
      name: 'electron',
      message: 'Only main/**/electron-*.ts adapters and preload/ import electron; elsewhere `import type` only.',
      allowTypeImports: true,
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.devstack-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-restricted-imports': ['error', electronTypesOnlyOutsideAdapters],
    },
  },
  {
    files: ['main/**/electron-*.ts', 'main/index.ts', 'preload/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['main/**/*.ts', 'preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noRenderer] }] },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnlyInAdapters,
          patterns: [
            { group: ['node:*'], message: 'common/ runs in every process: no Node built-ins.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'common/ depends on nothing else.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          ...electronOnlyInAdapters,
          patterns: rendererPatterns,
        },
      ],
    },
  },
  {
    files: ['renderer/platform/**/*.ts', 'renderer/platform/**/*.tsx'],
    ignores: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnlyInAdapters,
          patterns: [...rendererPatterns, { group: ['**/features/**'], message: 'renderer/platform/ knows no feature: features build on the platform, not the reverse.' }],
        },
      ],
    },
  },
);
