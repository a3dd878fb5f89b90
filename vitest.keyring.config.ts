import { defineConfig } from 'vitest/config';

// Runs against a real Secret Service (gnome-keyring under dbus-run-session, see build/scripts/with-keyring.mjs).
export default defineConfig({
  test: {
    include: ['main/**/*.keyring.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
