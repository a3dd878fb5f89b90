// The pictures shipped with the app as virtual backgrounds (drawn by
// build/backgrounds/generate-backgrounds.mjs), by the name the preferences store.
export const BUNDLED_BACKGROUND_IDS = ['meadow', 'lagoon', 'dusk', 'lavender', 'dunes'] as const;
export type BundledBackgroundId = (typeof BUNDLED_BACKGROUND_IDS)[number];
