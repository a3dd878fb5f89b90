import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
};

/** Whether the window shows the call full screen, and the way to switch. */
export function useFullscreen(): { isFullscreen: boolean; available: boolean; toggle(): void } {
  const isFullscreen = useSyncExternalStore(subscribe, () => document.fullscreenElement !== null);
  const available = document.fullscreenEnabled;
  const toggle = () => {
    const change = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    void change.catch(() => undefined);
  };
  return { isFullscreen, available, toggle };
}
