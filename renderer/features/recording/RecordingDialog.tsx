// For administrators, when the instance offers it: start or stop a recording or a transcription.
// What everyone sees (banner, announcements) follows the room metadata, not this dialog.
import type { Room } from 'livekit-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../common/ipc-contract';
import { Dialog } from '../../app/Dialog';
import { errorMessage } from '../../app/error-message';
import { invoke } from '../../platform/visio';
import { useCallUiStore } from '../call/call-ui-store';
import { useMeetConfigStore } from '../call/meet-config-store';
import { useRoomMetadata } from '../call/useRoomMetadata';
import { roomKey } from '../../../common/meet-types';
import { useMeetingStore } from '../meeting/meeting-store';
import { availableRecordingModes, type RecordingMode } from './recording-modes';
import { parseRecordingState } from './recording-status';

export function RecordingDialog({ room }: { room: Room }) {
  const { t, i18n } = useTranslation();
  const closeDialog = useCallUiStore((state) => state.closeDialog);
  const config = useMeetConfigStore((state) => state.config);
  const roomId = useMeetingStore((state) => (state.phase.name === 'call' ? roomKey(state.phase.room) : null));
  const { status, mode } = parseRecordingState(useRoomMetadata(room));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const modes = availableRecordingModes(config);
  const running = status === 'starting' || status === 'started';

  async function act(action: () => ReturnType<typeof invoke<'backend:room:stop-recording'>>) {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) setError(result.error);
  }

  function start(recordingMode: RecordingMode) {
    if (!roomId) return;
    void act(() => invoke('backend:room:start-recording', { roomId, mode: recordingMode, ...(recordingMode === 'transcript' ? { language: i18n.language } : {}) }));
  }

  function stop() {
    if (!roomId) return;
    void act(() => invoke('backend:room:stop-recording', { roomId }));
  }

  return (
    <Dialog title={t('recording.dialogTitle')} closeLabel={t('recording.close')} onClose={closeDialog} className="dialog--compact">
      <p role="status">{status ? t(status === 'started' && mode === 'transcript' ? 'recording.transcriptStarted' : `recording.${status}`) : t('recording.idle')}</p>
      {running ? (
        <div className="button-row">
          <button type="button" className="button button--danger-solid" disabled={busy} onClick={stop}>
            {mode === 'transcript' ? t('recording.stopTranscript') : t('recording.stopRecording')}
          </button>
        </div>
      ) : status === 'saving' ? null : (
        <>
          <p className="hint">{t('recording.consent')}</p>
          <div className="button-row">
            {modes.includes('screen_recording') && (
              <button type="button" className="button button--primary" disabled={busy} onClick={() => start('screen_recording')}>
                {t('recording.startRecording')}
              </button>
            )}
            {modes.includes('transcript') && (
              <button type="button" className="button" disabled={busy} onClick={() => start('transcript')}>
                {t('recording.startTranscript')}
              </button>
            )}
          </div>
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {errorMessage(t, error)}
        </p>
      )}
    </Dialog>
  );
}
