// The interface font: the app's usual system font, or one of the fonts that help reading
// (Atkinson Hyperlegible, Lexend, OpenDyslexic), bundled from npm in fonts.css and served from
// the app's own origin. The choice sets `--app-font` on the root; styles.css reads it.
export const appFonts = ['default', 'atkinson', 'lexend', 'opendyslexic'] as const;
export type AppFont = (typeof appFonts)[number];

/** The system fonts behind every choice, for the characters a bundled font lacks. */
const systemStack = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

export const fontFamilies: Record<AppFont, string | null> = {
  default: null,
  atkinson: `'Atkinson Hyperlegible', ${systemStack}`,
  lexend: `'Lexend', ${systemStack}`,
  opendyslexic: `'OpenDyslexic', ${systemStack}`,
};

export function isAppFont(value: unknown): value is AppFont {
  return typeof value === 'string' && (appFonts as readonly string[]).includes(value);
}

export function applyAppFont(font: AppFont, root: HTMLElement = document.documentElement): void {
  const family = fontFamilies[font];
  if (family === null) root.style.removeProperty('--app-font');
  else root.style.setProperty('--app-font', family);
}
