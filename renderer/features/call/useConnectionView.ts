import { useCallStatus } from './call-status';
import { connectionView, useMediaHealthStore, type ConnectionView } from './connection-health';

export function useConnectionView(): ConnectionView {
  const { status, signalOnly } = useCallStatus();
  const mediaStalled = useMediaHealthStore((state) => state.mediaStalled);
  return connectionView(status, signalOnly, mediaStalled);
}
