// The "you are sharing — Stop" window's page, one per language (share-indicator.<language>.html),
// written next to the renderer at build time and served by the app protocol under the app's CSP.
// It has no script at all: its Stop link is an in-page navigation the main process watches.
import { languages, type Language } from '../../../common/languages';
import { mainT } from '../../i18n/main-i18n';
import { stopFragment } from './share-indicator';

export const SHARE_INDICATOR_STYLESHEET = 'share-indicator.css';

export function shareIndicatorFileName(language: Language): string {
  return `share-indicator.${language}.html`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

export function shareIndicatorPage(language: Language): string {
  const t = mainT(language);
  return `<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(t('shareIndicator.title'))}</title>
    <link rel="stylesheet" href="${SHARE_INDICATOR_STYLESHEET}" />
  </head>
  <body>
    <span class="dot" aria-hidden="true"></span>
    <span class="label" role="status">${escapeHtml(t('shareIndicator.label'))}</span>
    <a href="${stopFragment}" role="button">${escapeHtml(t('shareIndicator.stop'))}</a>
  </body>
</html>
`;
}

/** Every language's page, by file name. */
export function shareIndicatorPages(): Map<string, string> {
  return new Map(languages.map((language) => [shareIndicatorFileName(language), shareIndicatorPage(language)]));
}
