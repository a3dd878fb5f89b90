// The effects panel, as in LaSuite Meet: no effect, a light or a strong blur, one of the bundled
// pictures, or (when the instance offers it) the user's own picture. One group of radio buttons:
// arrow keys move between the choices and the choice applies at once, seen in the preview next
// to the panel. Where effects cannot run here, the choices are disabled and the reason is said.
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { effectFailureMessageKey, type EffectFailure } from '../background-blur/background-blur';
import { SOFTWARE_BLUR_RESOLUTION } from '../background-blur/blur-resolution';
import { isBlurSoftwareRenderedHere, isBlurSupportedHere } from '../background-blur/blur-support';
import { effectId, type BackgroundEffect } from './background-effect';
import { BUNDLED_BACKGROUND_IDS } from './bundled-background-ids';
import { bundledBackgroundUrls } from './bundled-backgrounds';
import { checkOwnBackground, ownBackgroundRules, readAsDataUrl, useOwnBackground, type OwnBackgroundProblem, type OwnBackgroundRules } from './own-background';
import { configQuery } from '../../platform/backend-queries';

interface Props {
  effect: BackgroundEffect;
  /** The chosen effect is being set up on the camera. */
  starting: boolean;
  /** Why the last choice could not be applied, said under the panel. */
  failure: EffectFailure | null;
  onChange(effect: BackgroundEffect): void;
}

/** What describes the choices: where effects are computed (or why they are unavailable), and the resolution sent without a GPU. */
function EffectStatus({ id, starting }: { id: string; starting: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p id={id} className="muted" role="status">
        {!isBlurSupportedHere() ? t(effectFailureMessageKey.unsupported) : starting ? t('effects.starting') : t('effects.privacy')}
      </p>
      {isBlurSoftwareRenderedHere() && (
        <p id={`${id}-software`} className="muted">
          {t('effects.softwareResolution', { resolution: SOFTWARE_BLUR_RESOLUTION })}
        </p>
      )}
    </>
  );
}

function EffectOption({ name, effect, chosen, label, picture, onChange }: { name: string; effect: BackgroundEffect; chosen: BackgroundEffect; label: string; picture?: string; onChange(effect: BackgroundEffect): void }) {
  const id = `${name}-${effectId(effect)}`;
  return (
    <div className={`effects__option${picture ? ' effects__option--picture' : ''}`}>
      <input id={id} type="radio" name={name} value={effectId(effect)} checked={effectId(chosen) === effectId(effect)} onChange={() => onChange(effect)} />
      <label htmlFor={id}>
        {picture && <img className="effects__thumbnail" src={picture} alt="" />}
        <span>{label}</span>
      </label>
    </div>
  );
}

/** Picks a picture from disk, checks it against the instance's limits, and keeps it on this computer. */
function OwnPicturePicker({ rules, onPicked }: { rules: OwnBackgroundRules; onPicked(): void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const keep = useOwnBackground((state) => state.keep);
  const [problem, setProblem] = useState<OwnBackgroundProblem | null>(null);
  const hintId = useId();

  async function pick(file: File | undefined) {
    if (!file) return;
    const refused = checkOwnBackground(file, rules);
    if (refused) return setProblem(refused);
    const image = await readAsDataUrl(file).catch(() => null);
    if (!image || !keep(image)) return setProblem('unreadable');
    setProblem(null);
    onPicked();
  }

  return (
    <div className="effects__own">
      <button type="button" className="button" aria-describedby={hintId} onClick={() => input.current?.click()}>
        {t('effects.chooseOwnImage')}
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        accept={rules.allowedTypes.join(',')}
        onChange={(event) => {
          void pick(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      <p id={hintId} className="muted">
        {t('effects.ownImageKeptHere')}
      </p>
      {problem && (
        <p className="notice notice--warning" role="alert">
          {t(`effects.ownImageErrors.${problem}`, {
            extensions: rules.allowedExtensions.join(', ') || rules.allowedTypes.join(', '),
            maxSize: Math.floor((rules.maxSize / (1024 * 1024)) * 10) / 10,
          })}
        </p>
      )}
    </div>
  );
}

export function EffectsPanel({ effect, starting, failure, onChange }: Props) {
  const { t } = useTranslation();
  const name = useId();
  const statusId = useId();
  const supported = isBlurSupportedHere();
  const config = useQuery(configQuery()).data ?? null;
  const rules = useMemo(() => ownBackgroundRules(config), [config]);
  const ownImage = useOwnBackground((state) => state.image);
  const describedBy = isBlurSoftwareRenderedHere() ? `${statusId} ${statusId}-software` : statusId;
  const option = (choice: BackgroundEffect, label: string, picture?: string) => (
    <EffectOption key={effectId(choice)} name={name} effect={choice} chosen={effect} label={label} picture={picture} onChange={onChange} />
  );

  return (
    <div className="effects">
      <fieldset className="effects__choices" disabled={!supported} aria-describedby={describedBy}>
        <legend>{t('effects.legend')}</legend>
        {option({ kind: 'none' }, t('effects.none'))}
        <fieldset className="effects__row">
          <legend>{t('effects.blurHeading')}</legend>
          {option({ kind: 'blur', strength: 'light' }, t('effects.blurLight'))}
          {option({ kind: 'blur', strength: 'strong' }, t('effects.blurStrong'))}
        </fieldset>
        <fieldset className="effects__row effects__row--pictures">
          <legend>{t('effects.picturesHeading')}</legend>
          {BUNDLED_BACKGROUND_IDS.map((image) => option({ kind: 'image', image }, t(`effects.backgrounds.${image}`), bundledBackgroundUrls[image]))}
          {rules && ownImage && option({ kind: 'own-image' }, t('effects.ownImage'), ownImage)}
        </fieldset>
      </fieldset>
      {rules && supported && <OwnPicturePicker rules={rules} onPicked={() => onChange({ kind: 'own-image' })} />}
      <EffectStatus id={statusId} starting={starting} />
      {failure && (
        <p className="notice notice--warning" role="alert">
          {t(effectFailureMessageKey[failure])}
        </p>
      )}
    </div>
  );
}
