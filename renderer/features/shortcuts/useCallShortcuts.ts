import { useEffect } from 'react';
import { runCallAction } from './call-actions';
import { shortcutFor } from './shortcuts';

export function useCallShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat) return;
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      runCallAction(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
