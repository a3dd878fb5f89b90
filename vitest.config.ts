import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{main,preload,common,renderer,devstack,build}/**/*.test.{ts,tsx}'],
    exclude: ['**/*.keyring.test.ts', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
