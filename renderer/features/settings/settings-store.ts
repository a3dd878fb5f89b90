import { create } from 'zustand';

export type CaptionSize = 'small' | 'medium' | 'large';
const STORAGE_KEY = 'visio.captionSize';

function storedCaptionSize(): CaptionSize {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'small' || value === 'large' ? value : 'medium';
  } catch {
    return 'medium';
  }
}

interface SettingsState {
  captionSize: CaptionSize;
  setCaptionSize(size: CaptionSize): void;
}

export const useSettingsStore = create<SettingsState>((set) => ({
  captionSize: storedCaptionSize(),
  setCaptionSize(captionSize) {
    set({ captionSize });
    try {
      localStorage.setItem(STORAGE_KEY, captionSize);
    } catch {
      // Kept for this page only.
    }
  },
}));
