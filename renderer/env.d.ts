/// <reference types="vite/client" />
import type { VisioApi } from '../common/ipc-contract';
import type { MiniApi } from '../common/mini-window';

declare global {
  /** Injected at build time from package.json. */
  const __APP_VERSION__: string;
  interface Window {
    visio: VisioApi;
    /** Only in the mini call window (its own preload, or the browser stand-in). */
    visioMini?: MiniApi;
  }
}
