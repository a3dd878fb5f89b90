// A real OpenID Connect provider (oidc-provider) on loopback, standing in for ProConnect /
// Keycloak: one confidential client (the Meet API), three test users, our own French login page,
// no consent step for that first-party client, and RP-initiated logout.
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Provider, { type Account, type Grant, type KoaContextWithOidc } from 'oidc-provider';
import { errorPage, loggedOutPage, loginPage, logoutPage } from './identity-pages';
import { LOOPBACK_HOST } from './free-port';
import { readRequestFields } from './request-body';
import { oidcMemoryStore } from './oidc-store';

export interface TestUser {
  /** Stable subject identifier at the provider. */
  sub: string;
  email: string;
  password: string;
  givenName: string;
  familyName: string;
  /** Sent as `usual_name` instead of `family_name`, as ProConnect does for some accounts. */
  usualName?: boolean;
  /** The room access level this account had already chosen; a first login has none (null). */
  defaultRoomAccessLevel: 'public' | 'trusted' | 'restricted' | null;
}

export const TEST_USER: TestUser = {
  sub: 'a7c1f4e2-2b6d-4f0a-9d3e-6c1b8f2e5a01',
  email: 'agent@visio.test',
  password: 'visio-test',
  givenName: 'Camille',
  familyName: 'Martin',
  defaultRoomAccessLevel: 'public',
};

export const SECOND_TEST_USER: TestUser = {
  sub: 'b3d9e6a1-7c4f-4e2b-8a5d-2f7e9c1b4d02',
  email: 'collegue@visio.test',
  password: 'visio-test-2',
  givenName: 'Dominique',
  familyName: 'Bernard',
  defaultRoomAccessLevel: 'public',
};

/** Someone who has never logged in to Meet: created at first login, preferences never set. */
export const NEW_TEST_USER: TestUser = {
  sub: 'c5e2a8b4-9d1f-4c3a-b6e7-3a8d1f5c2e03',
  email: 'nouveau@visio.test',
  password: 'visio-test-3',
  givenName: 'Alex',
  familyName: 'Durand',
  usualName: true,
  defaultRoomAccessLevel: null,
};

export const TEST_USERS: readonly TestUser[] = [TEST_USER, SECOND_TEST_USER, NEW_TEST_USER];

const SCOPES = 'openid email profile';

export interface IdentityProviderOptions {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface IdentityProvider {
  /** `http://127.0.0.1:PORT`, the issuer identifier. */
  issuer: string;
  stop(): Promise<void>;
}

function accountFor(user: TestUser): Account {
  return {
    accountId: user.sub,
    claims: async () => ({
      sub: user.sub,
      email: user.email,
      email_verified: true,
      given_name: user.givenName,
      ...(user.usualName ? { usual_name: user.familyName } : { family_name: user.familyName }),
      name: `${user.givenName} ${user.familyName}`,
    }),
  };
}

function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(html);
}

export async function startIdentityProvider(options: IdentityProviderOptions): Promise<IdentityProvider> {
  const issuer = `http://${LOOPBACK_HOST}:${options.port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const provider: Provider = new Provider(issuer, {
    adapter: oidcMemoryStore(),
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        client_name: 'Visio',
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        // As LaSuite Meet (mozilla-django-oidc) authenticates at the token endpoint.
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: randomUUID(), use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['given_name', 'family_name', 'usual_name', 'name'],
    },
    // Verified whenever the client sends it; optional, since an unchanged Meet may run with OIDC_USE_PKCE off.
    pkce: { required: () => false },
    ttl: {
      AccessToken: 60 * 60,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 60 * 60,
      Grant: 14 * 24 * 60 * 60,
      Session: 14 * 24 * 60 * 60,
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOidc, form: string) => {
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOidc) => {
          ctx.body = loggedOutPage();
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const user = TEST_USERS.find((candidate) => candidate.sub === sub);
      return user ? accountFor(user) : undefined;
    },
    // The Meet API is a first-party client: the user is never asked to consent to it.
    loadExistingGrant: async (ctx): Promise<Grant | undefined> => {
      const client = ctx.oidc.client;
      const session = ctx.oidc.session;
      if (!client || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) {
        const existing: Grant | undefined = await provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant: Grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(SCOPES);
      await grant.save();
      return grant;
    },
    renderError: async (ctx, out) => {
      const description = typeof out.error_description === 'string' ? out.error_description : String(out.error);
      ctx.body = errorPage(description);
    },
  });

  const providerHandler = provider.callback();

  async function handleInteraction(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const [, , uid, action] = url.pathname.split('/');
    const details = await provider.interactionDetails(request, response);
    if (details.uid !== uid) {
      sendHtml(response, 400, errorPage('Demande de connexion invalide ou expirée.'));
      return;
    }
    if (details.prompt.name !== 'login') {
      // Consent is granted by loadExistingGrant; finishing lets the provider carry on.
      await provider.interactionFinished(request, response, {}, { mergeWithLastSubmission: true });
      return;
    }
    const formAction = `/interaction/${uid}/login`;
    if (request.method === 'GET' && action === undefined) {
      sendHtml(response, 200, loginPage({ action: formAction }));
      return;
    }
    if (request.method === 'POST' && action === 'login') {
      const fields = await readRequestFields(request);
      const email = String(fields.email ?? '').trim().toLowerCase();
      const password = String(fields.password ?? '');
      const user = TEST_USERS.find((candidate) => candidate.email === email && candidate.password === password);
      if (!user) {
        sendHtml(
          response,
          401,
          loginPage({ action: formAction, email, error: 'Adresse électronique ou mot de passe incorrect.' }),
        );
        return;
      }
      await provider.interactionFinished(
        request,
        response,
        { login: { accountId: user.sub } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    sendHtml(response, 405, errorPage('Méthode non autorisée.'));
  }

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    if (url.pathname.startsWith('/interaction/')) {
      handleInteraction(request, response, url).catch((error: unknown) => {
        if (!response.headersSent) {
          const message = error instanceof Error ? error.message : String(error);
          sendHtml(response, 400, errorPage(`Demande de connexion invalide ou expirée (${message}).`));
        }
      });
      return;
    }
    providerHandler(request, response);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK_HOST, () => resolve());
  });

  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
