// Against a real Secret Service: run under `build/scripts/with-keyring.mjs` (dbus-run-session and
// an unlocked gnome-keyring), as `npm run test:keyring` and `npm test` do.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../common/ipc-contract';
import { CredentialStore, loadKeychain } from './credential-store';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const probe = path.join(__dirname, 'test-fixtures', 'keyring-probe.ts');
const profileId = `keyring-test-${randomUUID().slice(0, 8)}`;

async function inFreshProcess(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Result<unknown>> {
  // No time limit of its own: starting tsx on a busy machine takes a while, and the test's limit holds.
  const { stdout } = await run(process.execPath, [tsx, probe, ...args], { cwd: root, env });
  return JSON.parse(stdout) as Result<unknown>;
}

describe('CredentialStore with a real Secret Service', () => {
  afterAll(async () => {
    await new CredentialStore(await loadKeychain(), profileId).removeAll();
  });

  it('stores a secret, reads it back from a restarted module, and deletes it on logout', async () => {
    const keychain = await loadKeychain();
    expect(keychain).not.toBeNull();
    const store = new CredentialStore(keychain, profileId);
    const secret = `sessionid-${randomUUID()}`;
    expect(await store.write('session', secret)).toEqual({ ok: true, value: null });
    expect(await store.write('calendar', 'calendar-password')).toEqual({ ok: true, value: null });

    expect(await inFreshProcess(['read', profileId, 'session'])).toEqual({ ok: true, value: secret });
    expect(await inFreshProcess(['read', `${profileId}-other`, 'session'])).toEqual({ ok: true, value: null });

    expect(await store.removeAll()).toEqual({ ok: true, value: null });
    expect(await inFreshProcess(['read', profileId, 'session'])).toEqual({ ok: true, value: null });
    expect(await inFreshProcess(['read', profileId, 'calendar'])).toEqual({ ok: true, value: null });
  });

  it('answers no_keyring, and stores nothing, when no Secret Service can be reached', async () => {
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/visio-no-bus', DISPLAY: '' };
    const written = await inFreshProcess(['write', profileId, 'session', 'must-not-be-kept'], env);
    expect(written).toMatchObject({ ok: false, error: { code: 'no_keyring' } });
    expect(await inFreshProcess(['read', profileId, 'session'], env)).toMatchObject({ ok: false, error: { code: 'no_keyring' } });
    // And the real keychain did not receive it either.
    expect(await new CredentialStore(await loadKeychain(), profileId).read('session')).toEqual({ ok: true, value: null });
  });
});
