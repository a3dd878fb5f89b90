// A start or stop asked of the server, outliving the dialog: without a recorder the server takes
// 20-25 s to refuse, and the user may close the dialog meanwhile. The outcome is kept for the
// dialog and, when it is closed, told as a notice.
import { create } from 'zustand';
import type { AppError, Result } from '../../../common/ipc-contract';

export type RecordingRequestKind = 'screen_recording' | 'transcript' | 'stop';

interface RecordingRequestState {
  /** What is being asked now, or null. */
  pending: RecordingRequestKind | null;
  /** Why the last request failed, or null. */
  error: AppError | null;
  /**
   * Sends `request` unless one is pending. `onFailure` runs when it fails, e.g. to tell a user
   * who closed the dialog. Resolves once the server answered (or the time limit ran out).
   */
  run(kind: RecordingRequestKind, request: () => Promise<Result<null>>, onFailure?: (error: AppError) => void): Promise<void>;
  clearError(): void;
}

export const useRecordingRequestStore = create<RecordingRequestState>((set, get) => ({
  pending: null,
  error: null,
  async run(kind, request, onFailure) {
    if (get().pending) return;
    set({ pending: kind, error: null });
    let result: Result<null>;
    try {
      result = await request();
    } catch (error) {
      result = { ok: false, error: { code: 'network', detail: error instanceof Error ? error.message : String(error) } };
    }
    set({ pending: null, error: result.ok ? null : result.error });
    if (!result.ok) onFailure?.(result.error);
  },
  clearError() {
    set({ error: null });
  },
}));
