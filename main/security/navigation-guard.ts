// What a web page of ours may navigate to or open. Our windows only ever show our own origin;
// any other link is either handed to the system browser (after the open-external policy) or dropped.
import { isAppUrl } from './app-origin';
import { decideOpenExternal } from './open-external-policy';

export type NavigationDecision =
  | { action: 'allow' }
  | { action: 'deny' }
  | { action: 'open-external'; url: string };

/** `will-navigate` / `will-redirect` of an app window. */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return { action: 'allow' };
  return leaveTheApp(url);
}

/** `setWindowOpenHandler`: no new window ever, not even of our own origin. */
export function decideWindowOpen(url: string): Exclude<NavigationDecision, { action: 'allow' }> {
  if (isAppUrl(url)) return { action: 'deny' };
  return leaveTheApp(url);
}

function leaveTheApp(url: string): Exclude<NavigationDecision, { action: 'allow' }> {
  const external = decideOpenExternal(url);
  return external.allowed ? { action: 'open-external', url: external.url } : { action: 'deny' };
}
