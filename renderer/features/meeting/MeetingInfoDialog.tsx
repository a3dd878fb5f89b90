// "Informations de la réunion": the link to send, and how to join by phone when the instance
// offers it. Copy results are announced; a refused clipboard says what to do instead.
import { useQuery } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room } from '../../../common/meet-types';
import { Dialog } from '../../app/Dialog';
import { useCallUiStore } from '../call/call-ui-store';
import { CopyFeedback, MeetingLinkField, type CopiedText } from './CopyLink';
import { dialInOf, formatPinCode, invitationText, meetingLink } from './meeting-link';
import { useCopyToClipboard } from './useCopyToClipboard';
import { appInfoQuery, configQuery } from '../../platform/backend-queries';

export function MeetingInfoDialog({ room, slug }: { room: Room; slug: string }) {
  const { t } = useTranslation();
  const closeDialog = useCallUiStore((state) => state.closeDialog);
  const info = useQuery(appInfoQuery()).data ?? null;
  const config = useQuery(configQuery()).data ?? null;
  const phoneId = useId();
  const linkInput = useRef<HTMLInputElement>(null);
  const { outcome, copy } = useCopyToClipboard<CopiedText>(linkInput);
  const link = meetingLink(info, slug, window.location.origin);
  const dialIn = dialInOf(config, room);

  return (
    <Dialog title={t('meetingInfo.title')} closeLabel={t('meetingInfo.close')} onClose={closeDialog} className="dialog--compact meeting-info">
      <MeetingLinkField link={link} inputRef={linkInput} hint={t('meetingInfo.shareHint')} />
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
        <section className="meeting-info__phone" aria-labelledby={phoneId}>
          <h3 id={phoneId}>{t('meetingInfo.phoneHeading')}</h3>
          <p data-testid="meeting-info-phone">
            {t('meetingInfo.phone', { phoneNumber: dialIn.phoneNumber, pinCode: formatPinCode(dialIn.pinCode) })}
          </p>
        </section>
      )}
      <CopyFeedback outcome={outcome} />
    </Dialog>
  );
}
