// Rooms prepared through the devstack's real API, as an owner would (login at the IdP, CSRF).
import type { BrowserContext } from '@playwright/test';
import { HttpSession } from '../devstack/http-session';
import type { Devstack } from '../devstack/index';
import type { AccessLevel, RegisteredRoom } from '../common/meet-types';

export async function ownerSession(devstack: Devstack, userIndex = 0): Promise<HttpSession> {
  const session = new HttpSession(devstack.origin);
  const user = devstack.users[userIndex];
  if (!user) throw new Error(`devstack has no user ${userIndex}`);
  await session.login(devstack.apiBaseUrl, user);
  return session;
}

/** `name`: the room's name, whose slug Meet derives from it; a random one by default. */
export async function createRoom(devstack: Devstack, accessLevel: AccessLevel, session?: HttpSession, name = randomSlug()): Promise<RegisteredRoom> {
  const owner = session ?? (await ownerSession(devstack));
  const created = await owner.api(devstack.apiBaseUrl, 'POST', 'rooms/', { body: { name } });
  if (created.status !== 201 && created.status !== 200) throw new Error(`room creation failed: ${created.status}`);
  const room = created.json as RegisteredRoom;
  const patched = await owner.api(devstack.apiBaseUrl, 'PATCH', `rooms/${room.id}/`, { body: { access_level: accessLevel } });
  if (patched.status !== 200) throw new Error(`room update failed: ${patched.status}`);
  return patched.json as RegisteredRoom;
}

export function randomSlug(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const part = (length: number) =>
    Array.from({ length }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
  return `${part(3)}-${part(4)}-${part(3)}`;
}

/** Gives a browser the API session of `session` (its cookies), as if it had logged in itself. */
export async function shareSession(context: BrowserContext, session: HttpSession): Promise<void> {
  const cookies = await session.jar.getCookies(session.origin);
  await context.addCookies(
    cookies.map((cookie) => ({
      name: cookie.key,
      value: cookie.value,
      url: session.origin,
      httpOnly: cookie.httpOnly,
      secure: cookie.secure,
      sameSite: 'Lax' as const,
    })),
  );
}
