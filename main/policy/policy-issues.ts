// What can go wrong while reading a machine policy, in words an administrator can act on.
// A policy problem never stops the app: the faulty part is ignored and safe defaults apply.
import type { Language } from '../../common/profile';
import { mainT } from '../i18n/main-i18n';

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

export function policyIssueMessage(issue: PolicyIssue, language: Language): string {
  const t = mainT(language);
  return t(`policy.issues.${issue.code}`, { source: t(`policy.sources.${issue.source}`), key: issue.key ?? '' });
}
