// Serves the built renderer on `app://visio`, a standard secure origin (cookies-free, with fetch
// and CORS), instead of file:// and its extra privileges.
import { readFile, stat } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { answerAppRequest, type AppFileSystem } from './app-protocol';
import { APP_SCHEME } from './security/app-origin';

/** Must run before the app is ready. */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true },
    },
  ]);
}

const diskFileSystem: AppFileSystem = {
  async isFile(path) {
    try {
      return (await stat(path)).isFile();
    } catch {
      return false;
    }
  },
};

export function handleAppProtocol(session: Session, rendererDirectory: string, contentSecurityPolicy: () => string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const answer = await answerAppRequest(request, rendererDirectory, diskFileSystem, contentSecurityPolicy);
    const body = answer.path === null ? null : new Uint8Array(await readFile(answer.path));
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}
