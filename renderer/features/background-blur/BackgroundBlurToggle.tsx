// The "Blur background" switch: a round toggle button in the prejoin, a checkbox in the call's
// settings. Unavailable blur is said next to the control, which is then disabled; so is, where
// WebGL is drawn in software, the lower resolution the blurred video is sent at.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RiImageCircleAiLine } from '@remixicon/react';
import { iconProps } from '../../app/icon-props';
import { blurFailureMessageKey, type BlurFailure } from './background-blur';
import { SOFTWARE_BLUR_RESOLUTION } from './blur-resolution';
import { isBlurSoftwareRenderedHere, isBlurSupportedHere } from './blur-support';

interface BlurToggleProps {
  enabled: boolean;
  starting: boolean;
  onChange(enabled: boolean): void;
}

const softwareNoteId = (statusId: string) => `${statusId}-software`;

/** The ids of what describes the blur control: its BlurStatus, and the note BlurStatus adds without a GPU. */
function blurDescriptionIds(statusId: string): string {
  return isBlurSoftwareRenderedHere() ? `${statusId} ${softwareNoteId(statusId)}` : statusId;
}

/**
 * What the blur control's state means: unavailable, starting, or where the blur is computed; and,
 * where WebGL is drawn in software, a note (said once, not a live region) on the resolution sent.
 */
export function BlurStatus({ id, starting }: { id: string; starting: boolean }) {
  const { t } = useTranslation();
  const supported = isBlurSupportedHere();
  return (
    <>
      <p id={id} className="muted" role="status">
        {!supported ? t(blurFailureMessageKey.unsupported) : starting ? t('backgroundBlur.starting') : t('backgroundBlur.privacy')}
      </p>
      {isBlurSoftwareRenderedHere() && (
        <p id={softwareNoteId(id)} className="muted">
          {t('backgroundBlur.softwareResolution', { resolution: SOFTWARE_BLUR_RESOLUTION })}
        </p>
      )}
    </>
  );
}

/** The round toggle of the prejoin, next to the microphone and camera ones; `statusId` names its BlurStatus. */
export function BlurToggleButton({ enabled, onChange, statusId }: Omit<BlurToggleProps, 'starting'> & { statusId: string }) {
  const { t } = useTranslation();
  const supported = isBlurSupportedHere();
  return (
    <button
      type="button"
      className={`round-button${enabled && supported ? ' round-button--active' : ''}`}
      aria-pressed={enabled && supported}
      aria-describedby={blurDescriptionIds(statusId)}
      disabled={!supported}
      onClick={() => onChange(!enabled)}
    >
      <RiImageCircleAiLine {...iconProps} />
      <span>{t('backgroundBlur.toggle')}</span>
    </button>
  );
}

/** The checkbox of the call's settings; `failure` is the last attempt's, said under it. */
export function BlurCheckbox({ enabled, starting, failure, onChange }: BlurToggleProps & { failure: BlurFailure | null }) {
  const { t } = useTranslation();
  const checkboxId = useId();
  const statusId = useId();
  const supported = isBlurSupportedHere();
  return (
    <>
      <div className="field field--inline">
        <input
          id={checkboxId}
          type="checkbox"
          checked={enabled && supported}
          disabled={!supported}
          aria-describedby={blurDescriptionIds(statusId)}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={checkboxId}>{t('backgroundBlur.toggle')}</label>
      </div>
      <BlurStatus id={statusId} starting={starting} />
      {failure && (
        <p className="notice notice--warning" role="alert">
          {t(blurFailureMessageKey[failure])}
        </p>
      )}
    </>
  );
}
