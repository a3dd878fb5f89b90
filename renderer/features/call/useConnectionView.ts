import { useCallStore } from './call-store';
import { connectionView, useMediaHealthStore, type ConnectionView } from './connection-health';

export function useConnectionView(): ConnectionView {
  const status = useCallStore((state) => state.status);
  const signalOnly = useCallStore((state) => state.signalOnly);
  const mediaStalled = useMediaHealthStore((state) => state.mediaStalled);
  return connectionView(status, signalOnly, mediaStalled);
}
