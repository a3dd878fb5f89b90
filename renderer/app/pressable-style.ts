// react-aria adds a <style> element to the page for its pressable elements unless an element with
// this id exists. The app's Content-Security-Policy refuses inline styles, so styles.css carries
// the same rule and this marker tells react-aria it is there.
const REACT_ARIA_PRESSABLE_STYLE_ID = 'react-aria-pressable-style';

export function markPressableStyleBundled(page: Document): void {
  if (page.getElementById(REACT_ARIA_PRESSABLE_STYLE_ID)) return;
  const marker = page.createElement('meta');
  marker.id = REACT_ARIA_PRESSABLE_STYLE_ID;
  page.head.append(marker);
}
