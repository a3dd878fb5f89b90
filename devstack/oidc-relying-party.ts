// The Meet API's side of OpenID Connect (what mozilla-django-oidc does upstream): authorization
// code with PKCE and a client secret, user info for the profile, RP-initiated logout.
import { randomBytes } from 'node:crypto';
import * as openid from 'openid-client';

export interface RelyingPartyOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
}

export interface AuthenticatedIdentity {
  sub: string;
  email: string;
  givenName: string;
  familyName: string;
  idToken: string;
}

interface PendingLogin {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  expiresAt: number;
}

const PENDING_TTL_MS = 10 * 60 * 1_000;

export class OidcRelyingParty {
  private configuration: Promise<openid.Configuration> | undefined;
  private readonly pendingLogins = new Map<string, PendingLogin>();
  private readonly pendingLogouts = new Map<string, { returnTo: string; sessionId: string; expiresAt: number }>();

  constructor(private readonly options: RelyingPartyOptions) {}

  private discover(): Promise<openid.Configuration> {
    // Discovered on first use, so the API may start before or after the provider.
    this.configuration ??= openid
      .discovery(new URL(this.options.issuer), this.options.clientId, this.options.clientSecret, undefined, {
        execute: [openid.allowInsecureRequests],
      })
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  private prune(): void {
    const now = Date.now();
    for (const [state, pending] of this.pendingLogins) if (pending.expiresAt < now) this.pendingLogins.delete(state);
    for (const [state, pending] of this.pendingLogouts) if (pending.expiresAt < now) this.pendingLogouts.delete(state);
  }

  /**
   * The provider's authorization URL; `returnTo` is where the callback will send the browser.
   * A silent login asks the provider not to show its form (`prompt=none`).
   */
  async authorizationUrl(returnTo: string, silent = false): Promise<string> {
    this.prune();
    const configuration = await this.discover();
    const codeVerifier = openid.randomPKCECodeVerifier();
    const state = openid.randomState();
    const nonce = openid.randomNonce();
    this.pendingLogins.set(state, { codeVerifier, nonce, returnTo, expiresAt: Date.now() + PENDING_TTL_MS });
    return openid
      .buildAuthorizationUrl(configuration, {
        redirect_uri: this.options.redirectUri,
        scope: 'openid email profile',
        state,
        nonce,
        code_challenge: await openid.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        ...(silent ? { prompt: 'none' } : {}),
      })
      .toString();
  }

  /** Drops a login the provider refused (e.g. a silent one); where its browser should go back. */
  abandonLogin(state: string | null): string | undefined {
    const pending = state ? this.pendingLogins.get(state) : undefined;
    if (!state || !pending) return undefined;
    this.pendingLogins.delete(state);
    return pending.returnTo;
  }

  /** Completes the login from the callback URL; throws when the state is unknown or the code bad. */
  async finishLogin(callbackUrl: URL): Promise<{ identity: AuthenticatedIdentity; returnTo: string }> {
    const configuration = await this.discover();
    const state = callbackUrl.searchParams.get('state') ?? '';
    const pending = this.pendingLogins.get(state);
    if (!pending) throw new Error('Unknown or expired login state.');
    this.pendingLogins.delete(state);
    const tokens = await openid.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: state,
      expectedNonce: pending.nonce,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new Error('The provider returned no ID token.');
    const userInfo = await openid.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    return {
      identity: {
        sub: claims.sub,
        email: String(userInfo.email ?? ''),
        givenName: String(userInfo.given_name ?? ''),
        // Meet's default OIDC_USERINFO_FULLNAME_FIELDS read `usual_name` (ProConnect) before `family_name`.
        familyName: String(userInfo.usual_name ?? userInfo.family_name ?? ''),
        idToken: tokens.id_token,
      },
      returnTo: pending.returnTo,
    };
  }

  /** The provider's end-session URL; the provider then comes back to `postLogoutRedirectUri`. */
  async endSessionUrl(idToken: string, returnTo: string, sessionId: string): Promise<string> {
    this.prune();
    const configuration = await this.discover();
    const state = randomBytes(16).toString('hex');
    this.pendingLogouts.set(state, { returnTo, sessionId, expiresAt: Date.now() + PENDING_TTL_MS });
    const url = openid.buildEndSessionUrl(configuration, {
      id_token_hint: idToken,
      post_logout_redirect_uri: this.options.postLogoutRedirectUri,
      state,
    });
    // As mozilla-django-oidc builds it: the ID token names the client.
    url.searchParams.delete('client_id');
    return url.toString();
  }

  /**
   * The logout `state` came back: where to send the browser, if that session started this
   * logout; undefined for a state it never asked for.
   */
  finishLogout(state: string, sessionId: string): string | undefined {
    const pending = this.pendingLogouts.get(state);
    if (!pending || pending.sessionId !== sessionId) return undefined;
    this.pendingLogouts.delete(state);
    return pending.returnTo;
  }

}
