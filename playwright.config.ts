import { defineConfig } from '@playwright/test';

// Debian Chromium only (never a downloaded browser), fake media devices, and no background
// traffic: this machine's network is closed and the app must not need it.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Generous limits: the suite runs on shared, busy machines. A wait ends as soon as its condition
  // holds, so they cost nothing when all is well; no test measures a speed (that is bench/'s job).
  timeout: 300_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json']],
  outputDir: 'test-results/e2e',
  use: {
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
