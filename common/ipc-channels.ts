// The channel names alone, without the schemas: the sandboxed preload needs only these, and
// importing the contract would bundle zod into it. A channel added to the contract but not here
// fails the type check below.
import type { InvokeChannel, MainEventName, PRELOAD_GLOBAL } from './ipc-contract';

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
  'app:info',
  'calendar:today',
  'call:state',
  'call:speaker',
  'lobby:waiting-changed',
  'chat:received',
  'capture:choose',
  'settings:get',
  'settings:update',
  'profiles:list',
  'profiles:add-instance',
  'profiles:select',
] as const satisfies readonly InvokeChannel[];

export const mainEventChannelNames = [
  'event:join',
  'event:command',
  'event:lobby-decision',
  'event:capture-request',
  'event:capture-cancelled',
  'event:system-suspend',
  'event:floating-window',
] as const satisfies readonly MainEventName[];

type MissingInvokeChannel = Exclude<InvokeChannel, (typeof invokeChannelNames)[number]>;
type MissingEventName = Exclude<MainEventName, (typeof mainEventChannelNames)[number]>;
export const invokeChannelListIsComplete: [MissingInvokeChannel] extends [never] ? true : MissingInvokeChannel = true;
export const eventNameListIsComplete: [MissingEventName] extends [never] ? true : MissingEventName = true;

export function isInvokeChannelName(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (invokeChannelNames as readonly string[]).includes(value);
}

export function isMainEventName(value: unknown): value is MainEventName {
  return typeof value === 'string' && (mainEventChannelNames as readonly string[]).includes(value);
}
