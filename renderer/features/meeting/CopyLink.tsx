// The meeting link as the user hands it out: a read-only field to select, and what copying it
// gave, announced in a status region (success) or an alert (refused clipboard).
import { useId, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CopyOutcome } from './useCopyToClipboard';

export type CopiedText = 'linkCopied' | 'invitationCopied';

export function MeetingLinkField({ link, inputRef, hint }: { link: string; inputRef: RefObject<HTMLInputElement | null>; hint?: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('meetingInfo.linkLabel')}</label>
      <input
        ref={inputRef}
        id={id}
        type="text"
        readOnly
        value={link}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onFocus={(event) => event.currentTarget.select()}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export function CopyFeedback({ outcome }: { outcome: CopyOutcome<CopiedText> }) {
  const { t } = useTranslation();
  return (
    <>
      <p role="status" className="copy-feedback">
        {outcome && outcome !== 'failed' ? t(`meetingInfo.${outcome.copied}`) : ''}
      </p>
      {outcome === 'failed' && (
        <p role="alert" className="field-error">
          {t('meetingInfo.copyFailed')}
        </p>
      )}
    </>
  );
}
