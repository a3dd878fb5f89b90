import { useTranslation } from 'react-i18next';
import { dismissMediaNotice, useMediaNoticeStore } from './media-toggles';

export function MediaNoticeBanner() {
  const { t } = useTranslation();
  const notice = useMediaNoticeStore((state) => state.mediaNotice);
  if (!notice) return null;
  const text =
    notice.source === 'screen'
      ? t('screenshare.failed')
      : notice.failure === 'permission_denied'
        ? t(notice.source === 'microphone' ? 'call.micPermissionDenied' : 'call.cameraPermissionDenied')
        : t('call.deviceFailed');
  return (
    <div className="banner banner--warning" role="alert">
      <span>{text}</span>
      <button type="button" className="button" onClick={dismissMediaNotice}>
        {t('shortcuts.close')}
      </button>
    </div>
  );
}
