import { useEffect } from 'react';
import { isMediaOn, setMedia } from '../call/media-toggles';
import { runCallAction } from './call-actions';
import { createPushToTalk } from './push-to-talk';
import { shortcutFor } from './shortcuts';

export function useCallShortcuts(): void {
  useEffect(() => {
    const pushToTalk = createPushToTalk({
      microphoneEnabled: () => isMediaOn('microphone'),
      setMicrophone: (enabled) => void setMedia('microphone', enabled),
    });
    const onKeyDown = (event: KeyboardEvent) => {
      if (pushToTalk.keyDown({ ...keyboardOf(event), repeat: event.repeat, target: event.target as HTMLElement | null })) {
        event.preventDefault();
        return;
      }
      if (event.repeat) return;
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      runCallAction(action);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (pushToTalk.keyUp(keyboardOf(event))) event.preventDefault();
    };
    const onBlur = () => pushToTalk.release();
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    return () => {
      pushToTalk.release();
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
    };
  }, []);
}

function keyboardOf(event: KeyboardEvent) {
  return { key: event.key, code: event.code, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, altKey: event.altKey };
}
