// What can go wrong while reading a machine policy, in words an administrator can act on.
// A policy problem never stops the app: the faulty part is ignored and safe defaults apply.
import type { Language } from '../../common/profile';

export type PolicySourceName = 'windows-machine' | 'windows-user' | 'macos-managed' | 'macos-managed-user' | 'linux-file';

export type PolicyIssueCode =
  | 'too_large'
  | 'invalid_json'
  | 'invalid_plist'
  | 'invalid_format'
  | 'invalid_value'
  | 'unknown_key'
  | 'read_failed'
  | 'telemetry_ignored';

export interface PolicyIssue {
  code: PolicyIssueCode;
  source: PolicySourceName;
  /** The policy key concerned, when there is one. */
  key?: string;
  /** For the log: path, parser message, zod issue. */
  detail?: string;
}

const sourceNames: Record<PolicySourceName, { fr: string; en: string }> = {
  'windows-machine': { fr: 'registre (HKLM)', en: 'registry (HKLM)' },
  'windows-user': { fr: 'registre (HKCU)', en: 'registry (HKCU)' },
  'macos-managed': { fr: 'préférences gérées', en: 'managed preferences' },
  'macos-managed-user': { fr: 'préférences gérées de l’utilisateur', en: 'user managed preferences' },
  'linux-file': { fr: 'fichier /etc', en: '/etc file' },
};

export function policyIssueMessage(issue: PolicyIssue, language: Language): string {
  const source = sourceNames[issue.source][language];
  const key = issue.key ?? '';
  const messages: Record<PolicyIssueCode, { fr: string; en: string }> = {
    too_large: {
      fr: `Politique ignorée (${source}) : le fichier dépasse 1 Mio. Les réglages par défaut s’appliquent.`,
      en: `Policy ignored (${source}): the file is larger than 1 MiB. Default settings apply.`,
    },
    invalid_json: {
      fr: `Politique ignorée (${source}) : le JSON est invalide. Les réglages par défaut s’appliquent.`,
      en: `Policy ignored (${source}): invalid JSON. Default settings apply.`,
    },
    invalid_plist: {
      fr: `Politique ignorée (${source}) : la liste de propriétés est invalide. Les réglages par défaut s’appliquent.`,
      en: `Policy ignored (${source}): invalid property list. Default settings apply.`,
    },
    invalid_format: {
      fr: `Politique ignorée (${source}) : un dictionnaire de clés est attendu. Les réglages par défaut s’appliquent.`,
      en: `Policy ignored (${source}): a dictionary of keys is expected. Default settings apply.`,
    },
    invalid_value: {
      fr: `Clé de politique « ${key} » ignorée (${source}) : valeur invalide.`,
      en: `Policy key "${key}" ignored (${source}): invalid value.`,
    },
    unknown_key: {
      fr: `Clé de politique inconnue « ${key} » ignorée (${source}).`,
      en: `Unknown policy key "${key}" ignored (${source}).`,
    },
    read_failed: {
      fr: `Politique illisible (${source}). Les réglages par défaut s’appliquent.`,
      en: `Policy could not be read (${source}). Default settings apply.`,
    },
    telemetry_ignored: {
      fr: `La politique demande la télémétrie (${source}) : Visio n’en envoie aucune, la clé est ignorée.`,
      en: `The policy asks for telemetry (${source}): Visio sends none, the key is ignored.`,
    },
  };
  return messages[issue.code][language];
}
