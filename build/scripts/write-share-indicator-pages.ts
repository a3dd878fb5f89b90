// Writes the share indicator's page in every language, and its stylesheet, next to the renderer
// (dist/renderer), where the app protocol serves them.
import { copyFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARE_INDICATOR_STYLESHEET, shareIndicatorPages } from '../../main/desktop/screen-share/share-indicator-page.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = join(root, 'dist', 'renderer');
for (const [file, html] of shareIndicatorPages()) writeFileSync(join(target, file), html);
copyFileSync(join(root, 'resources', SHARE_INDICATOR_STYLESHEET), join(target, SHARE_INDICATOR_STYLESHEET));
