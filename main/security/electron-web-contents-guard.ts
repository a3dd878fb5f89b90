// Guards every web contents the app ever creates: no webview, no popup, and for the app
// session no navigation away from our origin (links go to the system browser through the one
// external opener, which applies the policy and asks before an intranet or look-alike host).
// The login window's session has its own navigation rule (backend/electron-login-window.ts).
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import type { ExternalOpener } from './electron-open-external';
import { decideNavigation, decideWindowOpen, type NavigationDecision } from './navigation-guard';

/** Says which window a page may open, with which options; null: the usual rule (none). */
export type WindowOpenAllowance = (details: { url: string; frameName: string }) => BrowserWindowConstructorOptions | null;

const allowances = new WeakMap<WebContents, WindowOpenAllowance>();

/**
 * The one exception to "no window": `contents` may open the windows `allow` accepts, made with
 * the options it returns (main's, never the page's). Returns the way to take it back.
 */
export function allowWindowOpen(contents: WebContents, allow: WindowOpenAllowance): () => void {
  allowances.set(contents, allow);
  return () => {
    if (allowances.get(contents) === allow) allowances.delete(contents);
  };
}

export function guardWebContents(contents: WebContents, appSession: Session, openExternal: ExternalOpener): void {
  const follow = (decision: NavigationDecision, event: { preventDefault(): void }) => {
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.action === 'open-external') void openExternal(decision.url);
  };
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url, frameName }) => {
    const allowed = allowances.get(contents)?.({ url, frameName }) ?? null;
    if (allowed) return { action: 'allow', overrideBrowserWindowOptions: allowed };
    const decision = decideWindowOpen(url);
    if (decision.action === 'open-external') void openExternal(decision.url);
    return { action: 'deny' };
  });
  if (contents.session !== appSession) return;
  contents.on('will-navigate', (event) => follow(decideNavigation(event.url), event));
  contents.on('will-redirect', (event) => follow(decideNavigation(event.url), event));
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && decideNavigation(event.url).action !== 'allow') event.preventDefault();
  });
}
