// Rooms prepared through the devstack's real API, as an owner would (login at the IdP, CSRF).
import { HttpSession } from '../devstack/http-session';
import type { Devstack } from '../devstack/index';
import type { AccessLevel, Room } from '../common/meet-types';

export async function ownerSession(devstack: Devstack, userIndex = 0): Promise<HttpSession> {
  const session = new HttpSession(devstack.origin);
  const user = devstack.users[userIndex];
  if (!user) throw new Error(`devstack has no user ${userIndex}`);
  await session.login(devstack.apiBaseUrl, user);
  return session;
}

export async function createRoom(devstack: Devstack, accessLevel: AccessLevel, session?: HttpSession): Promise<Room> {
  const owner = session ?? (await ownerSession(devstack));
  const slug = randomSlug();
  const created = await owner.api(devstack.apiBaseUrl, 'POST', 'rooms/', { body: { name: slug } });
  if (created.status !== 201 && created.status !== 200) throw new Error(`room creation failed: ${created.status}`);
  const room = created.json as Room;
  const patched = await owner.api(devstack.apiBaseUrl, 'PATCH', `rooms/${room.id}/`, { body: { access_level: accessLevel } });
  if (patched.status !== 200) throw new Error(`room update failed: ${patched.status}`);
  return patched.json as Room;
}

export function randomSlug(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const part = (length: number) =>
    Array.from({ length }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
  return `${part(3)}-${part(4)}-${part(3)}`;
}
