/// <reference types="vite/client" />
import type { VisioApi } from '../common/ipc-contract';

declare global {
  /** Injected at build time from package.json. */
  const __APP_VERSION__: string;
  interface Window {
    visio: VisioApi;
  }
}
