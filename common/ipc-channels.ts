// The one declaration of the IPC channel names. The contract (ipc-contract.ts) keys its schemas,
// outputs and events by the types derived here, so a name added or removed here fails the type
// check there; the sandboxed preload reads these lists alone, without zod.
import type { PRELOAD_GLOBAL } from './ipc-contract';

/** `window.visio`. */
export const preloadGlobalName = 'visio' as const satisfies typeof PRELOAD_GLOBAL;

export const invokeChannelNames = [
  'backend:config',
  'backend:me',
  'backend:login',
  'backend:logout',
  'backend:rooms:create',
  'backend:rooms:list',
  'backend:rooms:get',
  'backend:lobby:request-entry',
  'backend:lobby:waiting',
  'backend:lobby:enter',
  'backend:room:toggle-hand',
  'backend:room:rename',
  'backend:room:mute-participant',
  'backend:room:remove-participant',
  'backend:room:update-role',
  'backend:room:update-participant',
  'backend:room:patch',
  'backend:room:start-recording',
  'backend:room:stop-recording',
  'backend:room:start-subtitle',
  'backend:diagnostics:connection',
  'diagnostics:save-report',
  'shell:open-external',
  'window:show-main',
  'app:info',
  'calendar:today',
  'call:state',
  'call:speaker',
  'lobby:waiting-changed',
  'chat:received',
  'chat:save-file',
  'capture:choose',
  'settings:get',
  'settings:update',
  'profiles:list',
  'profiles:add-instance',
  'profiles:select',
] as const;

/** Renderer → main: one request, one Result. */
export type InvokeChannel = (typeof invokeChannelNames)[number];

export const mainEventChannelNames = [
  'event:join',
  'event:command',
  'event:lobby-decision',
  'event:capture-request',
  'event:capture-cancelled',
  'event:system-suspend',
  'event:floating-window',
] as const;

/** Main → renderer. */
export type MainEventName = (typeof mainEventChannelNames)[number];

export function isInvokeChannelName(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (invokeChannelNames as readonly string[]).includes(value);
}

export function isMainEventName(value: unknown): value is MainEventName {
  return typeof value === 'string' && (mainEventChannelNames as readonly string[]).includes(value);
}
