// The call state the main window's page reports through `call:state`; the desktop features and
// the mini call window decide from it.
import type { InvokeInput } from './ipc-contract';

export type CallState = InvokeInput<'call:state'>;

export const idleCallState: CallState = {
  state: 'idle',
  muted: false,
  cameraOn: false,
  roomSlug: null,
  sharing: false,
};
