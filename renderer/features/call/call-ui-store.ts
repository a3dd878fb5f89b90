// Which side panel and dialog are open in the call, and the chat's unread count that depends on it.
import { create } from 'zustand';

export type SidePanel = 'chat' | 'participants' | null;
export type CallDialog = 'shortcuts' | 'settings' | 'effects' | 'reactions' | 'recording' | 'meetingInfo' | 'connectionTest' | null;

interface CallUiState {
  panel: SidePanel;
  dialog: CallDialog;
  subtitlesVisible: boolean;
  togglePanel(panel: Exclude<SidePanel, null>): void;
  openPanel(panel: Exclude<SidePanel, null>): void;
  closePanel(): void;
  openDialog(dialog: Exclude<CallDialog, null>): void;
  closeDialog(): void;
  toggleSubtitles(): void;
  reset(): void;
}

export const useCallUiStore = create<CallUiState>((set, get) => ({
  panel: null,
  dialog: null,
  subtitlesVisible: false,
  togglePanel: (panel) => set({ panel: get().panel === panel ? null : panel }),
  openPanel: (panel) => set({ panel }),
  closePanel: () => set({ panel: null }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  toggleSubtitles: () => set({ subtitlesVisible: !get().subtitlesVisible }),
  reset: () => set({ panel: null, dialog: null, subtitlesVisible: false }),
}));
