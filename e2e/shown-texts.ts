// Short-lived messages (toasts, floating reactions) are gone after a few seconds: asserting that
// one is on screen "now" passes or fails with the machine's speed. Instead, every element matching
// a selector is recorded, with its text, from the page's first script on, and a test reads what
// was ever shown, and how many times.
import type { Page } from '@playwright/test';

type Recorder = Record<string, string[]>;

/** In the page: records, from now on, what elements matching `wanted` show (self-contained, it runs in the page). */
function startRecording(wanted: string): void {
  const probe = window as unknown as { __visioShownTexts?: Recorder };
  const shown = (probe.__visioShownTexts ??= {});
  const texts: string[] = (shown[wanted] = []);
  const seen = new WeakMap<Element, string>();
  const look = () => {
    document.querySelectorAll(wanted).forEach((element) => {
      const text = element.textContent?.trim() ?? '';
      if (text === '' || seen.get(element) === text) return;
      seen.set(element, text);
      texts.push(text);
    });
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, characterData: true });
  look();
}

/** Starts recording what elements matching `selector` show; call before the page is loaded. */
export async function recordShownTexts(page: Page, selector: string): Promise<void> {
  await page.addInitScript(startRecording, selector);
}

/** The same in a page already loaded, such as a window the app opened itself. */
export async function recordShownTextsFromNow(page: Page, selector: string): Promise<void> {
  await page.evaluate(startRecording, selector);
}

/** Every text elements matching `selector` have shown so far, once per element and text. */
export function shownTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((wanted) => (window as unknown as { __visioShownTexts?: Recorder }).__visioShownTexts?.[wanted] ?? [], selector);
}
