// Where meeting links arrive (the command line at first start, `second-instance` on Windows and
// Linux, `open-url` on macOS) and where they go: a valid link brings the window forward and asks
// the renderer to join, once the renderer listens; a hostile one only ever gets a refusal.
import { looksLikeLink, parseDeepLink, type DeepLinkConfig, type DeepLinkRefusal } from './deep-link-parser';

export interface DeepLinkDispatcherPorts {
  config: DeepLinkConfig;
  language(): 'fr' | 'en';
  showWindow(): void;
  sendJoin(slug: string): void;
  notifyRefused(message: { title: string; body: string }): void;
}

export function refusalMessage(reason: DeepLinkRefusal, language: 'fr' | 'en'): { title: string; body: string } {
  const detail: Record<DeepLinkRefusal, { fr: string; en: string }> = {
    too_long: { fr: 'Le lien est trop long.', en: 'The link is too long.' },
    malformed: { fr: 'Le lien est mal formé.', en: 'The link is malformed.' },
    unknown_scheme: { fr: 'Ce type de lien n’est pas pris en charge.', en: 'This kind of link is not supported.' },
    unknown_host: {
      fr: 'Le lien mène à un serveur qui n’est pas celui de votre organisation.',
      en: 'The link points to a server that is not your organization’s.',
    },
    credentials: {
      fr: 'Le lien contient un identifiant ou un mot de passe.',
      en: 'The link carries a user name or a password.',
    },
    port: { fr: 'Le lien désigne un port inattendu.', en: 'The link names an unexpected port.' },
    insecure: { fr: 'Le lien n’est pas sécurisé (https requis).', en: 'The link is not secure (https required).' },
    invalid_path: { fr: 'Le lien ne désigne pas une réunion.', en: 'The link does not name a meeting.' },
    invalid_slug: {
      fr: 'Le code de réunion du lien n’est pas valide.',
      en: 'The meeting code in the link is not valid.',
    },
  };
  return language === 'fr'
    ? { title: 'Lien refusé', body: `${detail[reason].fr} Rien n’a été ouvert.` }
    : { title: 'Link refused', body: `${detail[reason].en} Nothing was opened.` };
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
