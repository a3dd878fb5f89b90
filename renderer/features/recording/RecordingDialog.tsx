// For administrators, when the instance offers it: start or stop a recording or a transcription.
// What everyone sees (banner, announcements) follows the room metadata, not this dialog.
import { useQuery } from '@tanstack/react-query';
import { useRoomInfo } from '@livekit/components-react';
import type { Room } from 'livekit-client';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/Dialog';
import { errorMessage } from '../../app/error-message';
import { invoke } from '../../platform/visio';
import { useCallUiStore } from '../call/call-ui-store';
import { useNotificationStore } from '../call/notification-store';
import { roomKey } from '../../../common/meet-types';
import { useMeetingStore } from '../meeting/meeting-store';
import { availableRecordingModes, type RecordingMode } from './recording-modes';
import { useRecordingRequestStore, type RecordingRequestKind } from './recording-request';
import { parseRecordingState } from './recording-status';
import { configQuery } from '../../platform/backend-queries';

export function RecordingDialog({ room }: { room: Room }) {
  const { t, i18n } = useTranslation();
  const closeDialog = useCallUiStore((state) => state.closeDialog);
  const config = useQuery(configQuery()).data ?? null;
  const roomId = useMeetingStore((state) => (state.phase.name === 'call' ? roomKey(state.phase.room) : null));
  const { status, mode } = parseRecordingState(useRoomInfo({ room }).metadata);
  const { pending, error, run, clearError } = useRecordingRequestStore();
  const busy = pending !== null;
  const modes = availableRecordingModes(config);
  const running = status === 'starting' || status === 'started';
  // A failure told in the dialog is not repeated when the user comes back to it later.
  useEffect(() => () => clearError(), [clearError]);

  function act(kind: RecordingRequestKind, action: () => ReturnType<typeof invoke<'backend:room:stop-recording'>>) {
    void run(kind, action, (failure) => {
      // The dialog was closed while waiting: the outcome is told as a notice instead.
      if (useCallUiStore.getState().dialog !== 'recording') {
        useNotificationStore.getState().notify(t('recording.failed', { reason: errorMessage(t, failure) }), 'warning');
      }
    });
  }

  function start(recordingMode: RecordingMode) {
    if (!roomId) return;
    act(recordingMode, () => invoke('backend:room:start-recording', { roomId, mode: recordingMode, ...(recordingMode === 'transcript' ? { language: i18n.language } : {}) }));
  }

  function stop() {
    if (!roomId) return;
    act('stop', () => invoke('backend:room:stop-recording', { roomId }));
  }

  const statusText = pending
    ? t(pending === 'stop' ? 'recording.stopping' : pending === 'transcript' ? 'recording.transcriptRequested' : 'recording.recordingRequested')
    : status
      ? t(status === 'started' && mode === 'transcript' ? 'recording.transcriptStarted' : `recording.${status}`)
      : t('recording.idle');

  return (
    <Dialog title={t('recording.dialogTitle')} closeLabel={t('recording.close')} onClose={closeDialog} className="dialog--compact">
      <p role="status" aria-busy={busy}>
        {statusText}
      </p>
      {pending && pending !== 'stop' && <p className="hint">{t('recording.pendingHint')}</p>}
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
