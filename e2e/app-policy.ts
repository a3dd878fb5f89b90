// The desktop app's Content-Security-Policy on the pages the e2e tests load, and a record of
// what it refused, so a test can show that a feature runs under the policy as shipped.
import type { Page } from '@playwright/test';
import type { Devstack } from '../devstack/index';
import { contentSecurityPolicy } from '../main/security/content-security-policy';

/** The policy the app's protocol sends with its pages, for the devstack's profile. */
export const appPolicy = (devstack: Devstack) => contentSecurityPolicy({ profile: { apiBaseUrl: devstack.apiBaseUrl, livekitUrl: devstack.livekitUrl } });

/**
 * Serves the app's pages with `policy` (the app's own by default), and records its violations.
 * A page answered by the test counts, for Chromium's local network access checks, as coming from
 * the public internet: the permission a person would grant lets it reach the devstack on
 * loopback. (A worklet's script cannot be routed: Playwright does not see worklet requests.)
 */
export async function servePagesWithPolicy(page: Page, devstack: Devstack, policy: string = appPolicy(devstack)): Promise<void> {
  await page.context().grantPermissions(['local-network-access'], { origin: devstack.origin });
  await page.route(
    (url) => url.origin === devstack.origin,
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
    },
  );
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`));
  });
}

/** What the policy refused on the page so far: `directive blockedURI source:line:column`. */
export const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
