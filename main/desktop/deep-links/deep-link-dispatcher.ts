// Where meeting links arrive (the command line at first start, `second-instance` on Windows and
// Linux, `open-url` on macOS) and where they go: a valid link brings the window forward and asks
// the renderer to join, once the renderer listens; a hostile one only ever gets a refusal.
import { looksLikeLink, parseDeepLink, type DeepLinkConfig, type DeepLinkRefusal } from './deep-link-parser';
import type { Language } from '../../../common/languages';
import { mainT } from '../../i18n/main-i18n';

export interface DeepLinkDispatcherPorts {
  config: DeepLinkConfig;
  language(): Language;
  showWindow(): void;
  sendJoin(slug: string): void;
  notifyRefused(message: { title: string; body: string }): void;
}

export function refusalMessage(reason: DeepLinkRefusal, language: Language): { title: string; body: string } {
  const t = mainT(language);
  return { title: t('deepLink.title'), body: t('deepLink.body', { reason: t(`deepLink.reasons.${reason}`) }) };
}

export class DeepLinkDispatcher {
  private rendererReady = false;
  /** Only the latest link counts: joining every queued one in turn would make no sense. */
  private pendingSlug: string | null = null;

  constructor(private readonly ports: DeepLinkDispatcherPorts) {}

  /** Arguments of the first start or of a second instance: only those that look like links. */
  handleArgv(argv: readonly string[]): void {
    for (const argument of argv) {
      if (argument.startsWith('-') || !looksLikeLink(argument, this.ports.config.scheme)) continue;
      this.handleLink(argument);
    }
  }

  handleLink(link: string): void {
    const parsed = parseDeepLink(link, this.ports.config);
    if (parsed.kind === 'refused') {
      this.ports.notifyRefused(refusalMessage(parsed.reason, this.ports.language()));
      return;
    }
    this.ports.showWindow();
    if (this.rendererReady) this.ports.sendJoin(parsed.slug);
    else this.pendingSlug = parsed.slug;
  }

  /** The renderer loaded and listens for `event:join`. */
  markRendererReady(): void {
    this.rendererReady = true;
    const slug = this.pendingSlug;
    this.pendingSlug = null;
    if (slug) this.ports.sendJoin(slug);
  }

  /** The renderer reloads or crashed: hold links until it listens again. */
  markRendererGone(): void {
    this.rendererReady = false;
  }
}
