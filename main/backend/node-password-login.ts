// Logs a NodeTransport in the way a person does in the login window: the instance's
// `/authenticate/`, the identity provider's form filled with email and password, back to the
// instance. For tests and tools against a provider whose form has `email` and `password` fields.
import { fail, ok, type Result } from '../../common/ipc-contract';
import { isLoginComplete, loginStartUrl } from './login-flow';
import type { NodeTransport } from './node-transport';

function decodeEntities(text: string): string {
  return text.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");
}

/** The first form of a page: its action and hidden fields. */
export function readLoginForm(html: string): { action: string; hiddenFields: Record<string, string> } | null {
  const form = /<form\b[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return null;
  const action = /\baction="([^"]*)"/i.exec(form[0])?.[1];
  if (action === undefined) return null;
  const hiddenFields: Record<string, string> = {};
  for (const input of form[1]?.matchAll(/<input\b[^>]*>/gi) ?? []) {
    const tag = input[0];
    if (!/\btype="hidden"/i.test(tag)) continue;
    const name = /\bname="([^"]*)"/i.exec(tag)?.[1];
    if (name) hiddenFields[decodeEntities(name)] = decodeEntities(/\bvalue="([^"]*)"/i.exec(tag)?.[1] ?? '');
  }
  return { action: decodeEntities(action), hiddenFields };
}

export async function loginWithPassword(
  transport: NodeTransport,
  options: { apiBaseUrl: string; email: string; password: string },
): Promise<Result<null>> {
  const start = loginStartUrl(options.apiBaseUrl);
  const formPage = await transport.navigate(start.url);
  const form = readLoginForm(formPage.body);
  if (!form) return fail('invalid_response', formPage.status, `no login form at ${formPage.url}`);
  const landing = await transport.navigate(new URL(form.action, formPage.url).toString(), {
    method: 'POST',
    form: { ...form.hiddenFields, email: options.email, password: options.password },
  });
  if (landing.status === 401 || landing.status === 403) return fail('unauthorized', landing.status);
  return isLoginComplete(landing.url, options.apiBaseUrl)
    ? ok(null)
    : fail('unauthorized', landing.status, `login ended at ${landing.url}`);
}
