// Renders the floating window's content from the call page into the floating window, and opens
// the window when the desktop asks for it. The window goes with the call.
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { onMainEvent } from '../../platform/visio';
import { FloatingCallWindow } from './FloatingCallWindow';
import { floatingRootId, useFloatingWindowStore } from './floating-window-store';

function nameWindow(document: Document, language: string, title: string): void {
  document.documentElement.lang = language;
  document.title = title;
}

export function FloatingCallPortal() {
  const { t, i18n } = useTranslation();
  const target = useFloatingWindowStore((state) => state.target);

  useEffect(() => {
    const stop = onMainEvent('event:floating-window', () => void useFloatingWindowStore.getState().open());
    return () => {
      stop();
      useFloatingWindowStore.getState().close();
    };
  }, []);

  // The window speaks the page's language, and says what it is.
  useEffect(() => {
    if (target) nameWindow(target.document, i18n.language, t('pip.windowTitle'));
  }, [target, t, i18n.language]);

  const container = target?.document.getElementById(floatingRootId);
  return container ? createPortal(<FloatingCallWindow />, container) : null;
}
