// Electron side of power: the display-sleep blocker during calls, and the suspend notice to the
// renderer (on resume LiveKit reconnects by itself).
import { app, powerMonitor, powerSaveBlocker } from 'electron';
import type { CallStateStore } from '../call-state';
import { PowerBlocker } from './power-blocker';

export function installPower(options: { callState: CallStateStore; onSuspend(): void }): () => void {
  const blocker = new PowerBlocker(powerSaveBlocker);
  const unsubscribe = options.callState.subscribe((state) => blocker.onCallState(state));
  blocker.onCallState(options.callState.current());
  const onQuit = () => blocker.onQuit();
  const onSuspend = () => options.onSuspend();
  app.on('will-quit', onQuit);
  powerMonitor.on('suspend', onSuspend);
  return () => {
    unsubscribe();
    blocker.onQuit();
    app.off('will-quit', onQuit);
    powerMonitor.off('suspend', onSuspend);
  };
}
