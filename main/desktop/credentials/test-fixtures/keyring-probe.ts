// A fresh process around CredentialStore, for the keyring test: `restore after a restart` must
// mean a new keytar module in a new process, not the one the test already holds.
import { CredentialStore, loadKeychain, type CredentialAccount } from '../credential-store';

async function main(): Promise<void> {
  const [action, profileId, account, secret] = process.argv.slice(2);
  const store = new CredentialStore(await loadKeychain(), profileId ?? 'missing');
  const which = (account ?? 'session') as CredentialAccount;
  const result =
    action === 'write' ? await store.write(which, secret ?? '') : action === 'remove' ? await store.remove(which) : await store.read(which);
  process.stdout.write(JSON.stringify(result));
}

void main();
