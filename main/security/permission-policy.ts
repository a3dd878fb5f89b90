// Which web permissions our interface gets. Electron grants everything by default; here only
// what a call needs (microphone, camera, screen capture, audio output choice, full screen, copy
// of a meeting link) and only for the main frame of our own origin in one of our windows.
import { isAppUrl } from './app-origin';

export interface PermissionQuery {
  permission: string;
  /** The URL (or origin) of the frame asking. */
  requestingUrl: string;
  isMainFrame: boolean;
  /** Whether the asking web contents is one of our app windows. */
  fromAppWindow: boolean;
  /** For `media` requests: what is asked. Absent on checks that do not say. */
  mediaTypes?: readonly string[];
}

const grantedToOurInterface = new Set([
  'media',
  'display-capture',
  'speaker-selection',
  'fullscreen',
  'clipboard-sanitized-write',
]);

const callMediaTypes = new Set(['audio', 'video']);

function isOurMainFrame(query: PermissionQuery): boolean {
  return query.fromAppWindow && query.isMainFrame && isAppUrl(query.requestingUrl);
}

/** `setPermissionRequestHandler`: the answer to a page asking for a permission. */
export function decidePermissionRequest(query: PermissionQuery): boolean {
  if (!isOurMainFrame(query) || !grantedToOurInterface.has(query.permission)) return false;
  if (query.permission === 'media') {
    const asked = query.mediaTypes ?? [];
    return asked.length > 0 && asked.every((type) => callMediaTypes.has(type));
  }
  return true;
}

/** `setPermissionCheckHandler`: the answer to a page testing whether it holds a permission. */
export function decidePermissionCheck(query: PermissionQuery): boolean {
  if (!isOurMainFrame(query) || !grantedToOurInterface.has(query.permission)) return false;
  // Chromium checks device-label access with an `unknown` media type; a check grants nothing
  // by itself, capture still goes through the request handler.
  if (query.permission === 'media' && query.mediaTypes) {
    return query.mediaTypes.every((type) => callMediaTypes.has(type) || type === 'unknown');
  }
  return true;
}
