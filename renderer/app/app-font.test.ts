import { describe, expect, it } from 'vitest';
import { applyAppFont, appFonts, fontFamilies, isAppFont } from './app-font';

function fakeRoot() {
  const properties = new Map<string, string>();
  const style = {
    setProperty: (name: string, value: string) => void properties.set(name, value),
    removeProperty: (name: string) => void properties.delete(name),
  };
  return { root: { style } as unknown as HTMLElement, properties };
}

describe('app font', () => {
  it('sets the chosen reading font on the root, with the system fonts behind it', () => {
    const { root, properties } = fakeRoot();
    applyAppFont('atkinson', root);
    expect(properties.get('--app-font')).toMatch(/^'Atkinson Hyperlegible', system-ui/);
    applyAppFont('opendyslexic', root);
    expect(properties.get('--app-font')).toMatch(/^'OpenDyslexic', /);
  });

  it('goes back to the usual font by removing the variable', () => {
    const { root, properties } = fakeRoot();
    applyAppFont('lexend', root);
    applyAppFont('default', root);
    expect(properties.has('--app-font')).toBe(false);
  });

  it('knows its fonts and nothing else', () => {
    expect(appFonts.every((font) => isAppFont(font) && font in fontFamilies)).toBe(true);
    expect(isAppFont('comic-sans')).toBe(false);
    expect(isAppFont(undefined)).toBe(false);
  });
});
