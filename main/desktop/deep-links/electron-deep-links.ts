// Electron side of meeting links: the scheme registration and the three places links arrive
// (`process.argv`, `second-instance`, `open-url`). The single-instance lock is the composition
// root's: a second instance hands its arguments over through `second-instance`.
import path from 'node:path';
import { app } from 'electron';
import type { DeepLinkDispatcher } from './deep-link-dispatcher';

let dispatcher: DeepLinkDispatcher | null = null;
/** macOS may deliver `open-url` before the app is ready, long before the dispatcher exists. */
const linksBeforeInstall: string[] = [];
const maximumEarlyLinks = 10;

/**
 * Before `app.whenReady()`: macOS may deliver the link that started the app before `ready`, so
 * the listener must exist from the first moment; links are held until the dispatcher exists.
 */
export function listenForOpenUrl(): void {
  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (dispatcher) dispatcher.handleLink(url);
    else if (linksBeforeInstall.length < maximumEarlyLinks) linksBeforeInstall.push(url);
  });
}

/** The OS opens `<scheme>://` links with this app (the installer also declares it). */
export function registerScheme(scheme: string): void {
  if (process.defaultApp && process.argv[1]) {
    // Development run (`electron .`): the OS must start Electron with the app path.
    app.setAsDefaultProtocolClient(scheme, process.execPath, [path.resolve(process.argv[1])]);
  } else {
    app.setAsDefaultProtocolClient(scheme);
  }
}

/** Once the main window exists: first-start arguments, early macOS links, later instances. */
export function installDeepLinks(target: DeepLinkDispatcher): () => void {
  dispatcher = target;
  const onSecondInstance = (_event: unknown, argv: string[]) => target.handleArgv(argv.slice(1));
  app.on('second-instance', onSecondInstance);
  target.handleArgv(process.argv.slice(1));
  for (const link of linksBeforeInstall.splice(0)) target.handleLink(link);
  return () => {
    app.off('second-instance', onSecondInstance);
    if (dispatcher === target) dispatcher = null;
  };
}
