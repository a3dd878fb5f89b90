import { defineConfig } from 'vitest/config';

// Runs against a real Secret Service (gnome-keyring under dbus-run-session, see build/scripts/with-keyring.mjs).
export default defineConfig({
  test: {
    include: ['main/**/*.keyring.test.ts'],
    environment: 'node',
    // Each test starts fresh Node processes; a busy machine makes that slow, never wrong.
    testTimeout: 300_000,
  },
});
