import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureSource } from '../../../common/ipc-contract';
import { Dialog } from '../../app/Dialog';
import { useCaptureStore } from './capture-store';

function SourceList({ title, sources, selected, onSelect }: { title: string; sources: CaptureSource[]; selected: string | null; onSelect(id: string): void }) {
  const { t } = useTranslation();
  if (sources.length === 0) return null;
  return (
    <fieldset className="capture__group">
      <legend>{title}</legend>
      <div className="capture__sources">
        {sources.map((source) => (
          <label key={source.id} className={`capture__source${selected === source.id ? ' capture__source--selected' : ''}`}>
            <input type="radio" name="capture-source" value={source.id} checked={selected === source.id} onChange={() => onSelect(source.id)} />
            <img src={source.thumbnailDataUrl} alt={t('screenshare.sourceThumbnail', { name: source.name })} />
            <span className="capture__name">
              {source.iconDataUrl && <img src={source.iconDataUrl} alt="" className="capture__icon" />}
              {source.name}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function CapturePicker() {
  const { t } = useTranslation();
  const request = useCaptureStore((state) => state.request);
  const choose = useCaptureStore((state) => state.choose);
  const [selected, setSelected] = useState<string | null>(null);
  const [audio, setAudio] = useState(false);
  const audioId = useId();
  if (!request) return null;
  const screens = request.sources.filter((source) => source.kind === 'screen');
  const windows = request.sources.filter((source) => source.kind === 'window');

  return (
    <Dialog key={request.requestId} title={t('screenshare.pickerTitle')} closeLabel={t('screenshare.cancel')} onClose={() => void choose(null, false)} className="dialog--wide">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (selected) void choose(selected, audio);
        }}
      >
        <SourceList title={t('screenshare.screens')} sources={screens} selected={selected} onSelect={setSelected} />
        <SourceList title={t('screenshare.windows')} sources={windows} selected={selected} onSelect={setSelected} />
        {request.audioAvailable && (
          <div className="field field--inline">
            <input id={audioId} type="checkbox" checked={audio} onChange={(event) => setAudio(event.target.checked)} />
            <label htmlFor={audioId}>{t('screenshare.shareAudio')}</label>
          </div>
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={!selected}>
            {t('screenshare.share')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
