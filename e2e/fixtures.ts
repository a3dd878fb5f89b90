// Fixtures shared by the end-to-end tests: one real devstack (LiveKit, OIDC provider, Meet API
// serving the built renderer) per worker, and participants as separate Chromium browsers.
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevstack, type Devstack } from '../devstack/index';
import { launchChromium } from './browser';

export interface Participant {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

interface Fixtures {
  /** Opens the app in a new Chromium browser (own cookies, own fake devices). */
  openParticipant: (path?: string, launch?: Parameters<typeof launchChromium>[0]) => Promise<Participant>;
}

interface WorkerFixtures {
  devstack: Devstack;
  /** LiveKit nodes of the worker's devstack: from 2, a cluster sharing a Redis (`test.use({ livekitNodes: 2 })`). */
  livekitNodes: number;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  livekitNodes: [1, { option: true, scope: 'worker' }],
  devstack: [
    async ({ livekitNodes }, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'visio-e2e-'));
      // LiveKit hands out foreign ICE servers too: every call here proves the app drops them.
      const devstack = await startDevstack({ dataDir, webRoot: join(process.cwd(), 'dist', 'renderer'), foreignIceServers: true, livekitNodes });
      await use(devstack);
      await devstack.stop();
    },
    { scope: 'worker', timeout: 300_000 },
  ],
  openParticipant: async ({ devstack }, use) => {
    const opened: Participant[] = [];
    await use(async (path = '/', launch = {}) => {
      const browser = await launchChromium(launch);
      const context = await browser.newContext({ locale: 'fr-FR', permissions: ['camera', 'microphone'] });
      const page = await context.newPage();
      // The page's own errors end up in the test output, where a failure is diagnosed.
      page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
      if (process.env.VISIO_E2E_CONSOLE) {
        page.on('console', (message) => {
          if (message.type() === 'error') console.error(`[console] ${message.text()}`);
        });
      }
      await page.goto(new URL(path, devstack.origin).toString());
      const participant = { browser, context, page };
      opened.push(participant);
      return participant;
    });
    for (const participant of opened) await participant.browser.close().catch(() => undefined);
  },
});

export { expect };

/** Fills the devstack's OIDC login form (the real IdP page). */
export async function loginAtIdentityProvider(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/**
 * From the home page: "Se connecter", the IdP's form, back logged in, then "Créer une réunion".
 * Returns the new room's slug (the page is on its prejoin) and the user who logged in.
 */
export async function logInAndCreateMeeting(page: Page, devstack: Devstack): Promise<{ slug: string; user: Devstack['users'][number] }> {
  const user = devstack.users[0]!;
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(new RegExp(`^${devstack.issuer}`));
  await loginAtIdentityProvider(page, user.email, user.password);
  await expect(page.getByText(`Connecté en tant que ${user.fullName}`)).toBeVisible();
  await page.getByRole('button', { name: 'Créer une réunion' }).click();
  await expect(page).toHaveURL(/\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
  return { slug: new URL(page.url()).pathname.slice(1), user };
}
