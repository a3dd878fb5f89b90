// The main → renderer direction: only the contract's event names, only to our app window.
import type { MainEventName, MainEvents } from '../../common/ipc-contract';
import { isMainEventName } from '../../common/ipc-channels';

export interface RendererTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

export type RendererEventSender = <E extends MainEventName>(event: E, payload: MainEvents[E]) => boolean;

/** Returns `send(event, payload)`: true when delivered, false when there is no window or the name is unknown. */
export function createRendererEventSender(getTarget: () => RendererTarget | null): RendererEventSender {
  return (event, payload) => {
    if (!isMainEventName(event)) return false;
    const target = getTarget();
    if (!target || target.isDestroyed()) return false;
    target.send(event, payload);
    return true;
  };
}
