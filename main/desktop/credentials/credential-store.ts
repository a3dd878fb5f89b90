// Secrets in the operating system's keychain (Keychain, Credential Manager, Secret Service)
// through keytar: one service name per profile, one account per secret. Where no keychain
// answers, every call says `no_keyring` and nothing is kept: the user logs in each time. There
// is no plaintext fallback, silent or not.
import { fail, ok, type Result } from '../../../common/ipc-contract';
import { applicationId } from '../../application-id';
import type { Language } from '../../../common/languages';
import { mainT } from '../../i18n/main-i18n';

export type CredentialAccount = 'session' | 'calendar';
export const credentialAccounts: readonly CredentialAccount[] = ['session', 'calendar'];

/** The part of keytar the store uses, so tests can stand in for the keychain. */
export interface KeychainPort {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export const maximumSecretLength = 16 * 1024;

/** The keychain service of one profile: two instances never read each other's secrets. */
export function credentialServiceName(profileId: string): string {
  return `${applicationId}.profile.${profileId}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class CredentialStore {
  private readonly service: string;

  /** `keychain` null: the keytar module itself could not load. */
  constructor(
    private readonly keychain: KeychainPort | null,
    profileId: string,
  ) {
    this.service = credentialServiceName(profileId);
  }

  async read(account: CredentialAccount): Promise<Result<string | null>> {
    if (!this.keychain) return fail('no_keyring', undefined, 'keytar is not available');
    try {
      return ok(await this.keychain.getPassword(this.service, account));
    } catch (error) {
      return fail('no_keyring', undefined, describe(error));
    }
  }

  async write(account: CredentialAccount, secret: string): Promise<Result<null>> {
    if (secret.length === 0 || secret.length > maximumSecretLength) {
      return fail('invalid_input', undefined, 'secret is empty or too long');
    }
    if (!this.keychain) return fail('no_keyring', undefined, 'keytar is not available');
    try {
      await this.keychain.setPassword(this.service, account, secret);
      return ok(null);
    } catch (error) {
      return fail('no_keyring', undefined, describe(error));
    }
  }

  async remove(account: CredentialAccount): Promise<Result<null>> {
    if (!this.keychain) return fail('no_keyring', undefined, 'keytar is not available');
    try {
      await this.keychain.deletePassword(this.service, account);
      return ok(null);
    } catch (error) {
      return fail('no_keyring', undefined, describe(error));
    }
  }

  /** Logout: every secret of the profile goes. */
  async removeAll(): Promise<Result<null>> {
    for (const account of credentialAccounts) {
      const removed = await this.remove(account);
      if (!removed.ok) return removed;
    }
    return ok(null);
  }
}

/** keytar is a native module: a build without it must still start, without a keychain. */
export async function loadKeychain(): Promise<KeychainPort | null> {
  try {
    const loaded = (await import('keytar')) as KeychainPort & { default?: KeychainPort };
    return typeof loaded.getPassword === 'function' ? loaded : (loaded.default ?? null);
  } catch {
    return null;
  }
}

/** What the user reads when nothing can be remembered. */
export function noKeyringMessage(language: Language): string {
  return mainT(language)('noKeyring');
}
