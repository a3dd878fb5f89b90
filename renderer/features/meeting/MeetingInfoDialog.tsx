// "Informations de la réunion": the link to send, and how to join by phone when the instance
// offers it. Copy results are announced; a refused clipboard says what to do instead.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room } from '../../../common/meet-types';
import { useAppInfoStore } from '../../app/app-info-store';
import { Dialog } from '../../app/Dialog';
import { useCallUiStore } from '../call/call-ui-store';
import { useMeetConfigStore } from '../call/meet-config-store';
import { dialInOf, formatPinCode, invitationText, meetingLink } from './meeting-link';

type CopyOutcome = 'linkCopied' | 'invitationCopied' | 'copyFailed' | null;

const OUTCOME_VISIBLE_MS = 4_000;

export function MeetingInfoDialog({ room, slug }: { room: Room; slug: string }) {
  const { t } = useTranslation();
  const closeDialog = useCallUiStore((state) => state.closeDialog);
  const info = useAppInfoStore((state) => state.info);
  const config = useMeetConfigStore((state) => state.config);
  const [outcome, setOutcome] = useState<CopyOutcome>(null);
  const linkId = useId();
  const hintId = useId();
  const linkInput = useRef<HTMLInputElement>(null);
  const link = meetingLink(info, slug, window.location.origin);
  const dialIn = dialInOf(config, room);

  useEffect(() => {
    if (!outcome || outcome === 'copyFailed') return;
    const timer = window.setTimeout(() => setOutcome(null), OUTCOME_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [outcome]);

  async function copy(text: string, success: Exclude<CopyOutcome, 'copyFailed' | null>) {
    setOutcome(null);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('clipboard unavailable');
      await navigator.clipboard.writeText(text);
      setOutcome(success);
    } catch {
      setOutcome('copyFailed');
      linkInput.current?.focus();
      linkInput.current?.select();
    }
  }

  return (
    <Dialog title={t('meetingInfo.title')} closeLabel={t('meetingInfo.close')} onClose={closeDialog} className="dialog--compact meeting-info">
      <div className="field">
        <label htmlFor={linkId}>{t('meetingInfo.linkLabel')}</label>
        <input
          ref={linkInput}
          id={linkId}
          type="text"
          readOnly
          value={link}
          aria-describedby={hintId}
          onFocus={(event) => event.currentTarget.select()}
        />
        <p id={hintId} className="hint">
          {t('meetingInfo.shareHint')}
        </p>
      </div>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => void copy(link, 'linkCopied')}>
          {t('meetingInfo.copyLink')}
        </button>
        {dialIn && (
          <button
            type="button"
            className="button"
            onClick={() => void copy(invitationText(link, dialIn, (key, values) => t(key, values)), 'invitationCopied')}
          >
            {t('meetingInfo.copyInvitation')}
          </button>
        )}
      </div>
      {dialIn && (
        <section className="meeting-info__phone" aria-labelledby={`${hintId}-phone`}>
          <h3 id={`${hintId}-phone`}>{t('meetingInfo.phoneHeading')}</h3>
          <p data-testid="meeting-info-phone">
            {t('meetingInfo.phone', { phoneNumber: dialIn.phoneNumber, pinCode: formatPinCode(dialIn.pinCode) })}
          </p>
        </section>
      )}
      <p role="status" className="meeting-info__status">
        {outcome === 'linkCopied' || outcome === 'invitationCopied' ? t(`meetingInfo.${outcome}`) : ''}
      </p>
      {outcome === 'copyFailed' && (
        <p role="alert" className="field-error">
          {t('meetingInfo.copyFailed')}
        </p>
      )}
    </Dialog>
  );
}
