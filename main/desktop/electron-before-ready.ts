// What the desktop features need before `app.whenReady()`. Imported for its effect by
// ./index.ts, which the composition root imports at its top, so it runs before `ready`.
import { listenForOpenUrl } from './deep-links/electron-deep-links';
import { applyCaptureSwitches } from './screen-share/electron-display-media';

applyCaptureSwitches();
listenForOpenUrl();
