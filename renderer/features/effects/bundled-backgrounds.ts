// The bundled virtual backgrounds: files of the app, served from its own origin (the build
// copies them under assets/), never fetched from elsewhere.
import dusk from './backgrounds/dusk.png';
import dunes from './backgrounds/dunes.png';
import lagoon from './backgrounds/lagoon.png';
import lavender from './backgrounds/lavender.png';
import meadow from './backgrounds/meadow.png';
import type { BundledBackgroundId } from './bundled-background-ids';

export const bundledBackgroundUrls: Record<BundledBackgroundId, string> = { meadow, lagoon, dusk, lavender, dunes };
