import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{main,preload,common,renderer,devstack,build}/**/*.test.{ts,tsx}'],
    exclude: ['**/*.keyring.test.ts', 'node_modules/**'],
    environment: 'node',
    // Generous, as in e2e: integration tests wait on real servers, and a wait ends as soon as its
    // condition holds; a busy machine makes them slower, never wrong.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
