// The profile's accent colour on buttons and focus rings, only where white text on it stays
// readable (WCAG AA, 4.5:1): a ministry colour too light for that gives way to the State's blue.
import { defaultAccentColor } from '../../common/profile';

/** WCAG 2 AA for normal text. */
export const MINIMUM_TEXT_CONTRAST = 4.5;
/** WCAG 2.1 non-text contrast, for a focus ring against what surrounds it. */
export const MINIMUM_FOCUS_CONTRAST = 3;
/** The light pages' surface and the call's dark background (styles.css `--surface`, `--call-bg`). */
const FOCUS_BACKGROUNDS = ['#ffffff', '#111318'];
const HEX_COLOR = /^#[0-9a-f]{6}$/i;

function channelLuminance(channel: number): number {
  const value = channel / 255;
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const [red, green, blue] = [1, 3, 5].map((start) => channelLuminance(Number.parseInt(hex.slice(start, start + 2), 16)));
  return 0.2126 * red! + 0.7152 * green! + 0.0722 * blue!;
}

export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a);
  return (lighter! + 0.05) / (darker! + 0.05);
}

/** The colour buttons use: the profile's when white text reads on it, else the State's blue. */
export function readableAccentColor(candidate: string | undefined): string {
  if (!candidate || !HEX_COLOR.test(candidate)) return defaultAccentColor;
  return contrastRatio(candidate, '#ffffff') >= MINIMUM_TEXT_CONTRAST ? candidate.toLowerCase() : defaultAccentColor;
}

/** The accent rings focus only where it stands out on both the light pages and the dark call. */
export function accentFitsFocus(accent: string): boolean {
  return FOCUS_BACKGROUNDS.every((background) => contrastRatio(accent, background) >= MINIMUM_FOCUS_CONTRAST);
}

/**
 * Sets `--accent` (primary buttons) and, when it stands out everywhere, `--focus`. The State's blue
 * keeps the page's own hover and focus colours; a ministry's colour darkens on hover, which only
 * adds contrast under white text.
 */
export function applyAccentColor(root: HTMLElement, candidate: string | undefined): void {
  const accent = readableAccentColor(candidate);
  if (accent === defaultAccentColor) return;
  root.style.setProperty('--accent', accent);
  root.style.setProperty('--accent-hover', `color-mix(in srgb, ${accent} 80%, #000000)`);
  if (accentFitsFocus(accent)) root.style.setProperty('--focus', accent);
}
