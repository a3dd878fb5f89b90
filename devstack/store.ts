// The stack's database: users, rooms and login sessions in one JSON file, written atomically
// (temp file + rename) so a crash or a stop mid-write never leaves a torn file, and the data
// survive a restart of the stack with the same data folder.
import { randomInt, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeJsonFileAtomically } from '../main/profile/json-file-storage';

export type StoredAccessLevel = 'public' | 'trusted' | 'restricted';
export type StoredRoomRole = 'owner' | 'administrator' | 'member';

export interface StoredUser {
  id: string;
  /** The `sub` claim at the identity provider. */
  sub: string;
  email: string;
  fullName: string;
  shortName: string;
  language: string;
  timezone: string;
  /** Null until the user picks one, as for anyone Meet creates at first login. */
  defaultRoomAccessLevel: StoredAccessLevel | null;
}

export interface StoredRoom {
  id: string;
  slug: string;
  name: string;
  accessLevel: StoredAccessLevel;
  configuration: Record<string, unknown>;
  /** User id → role on the room. */
  accesses: Record<string, StoredRoomRole>;
  createdAt: string;
  /** The digits keyed after dialling the instance's number; given once telephony is on. */
  pinCode?: string;
}

/** As Meet's `ROOM_TELEPHONY_PIN_LENGTH` default. */
export const PIN_CODE_LENGTH = 10;
const PIN_CODE_ATTEMPTS = 5;

export interface StoredSession {
  id: string;
  userId: string;
  csrfToken: string;
  /** Kept to end the identity provider's session on logout. */
  idToken: string;
  expiresAt: number;
}

interface StoreContent {
  users: StoredUser[];
  rooms: StoredRoom[];
  sessions: StoredSession[];
}

export class JsonStore {
  private content: StoreContent;
  private readonly filePath: string;

  constructor(dataDirectory: string) {
    mkdirSync(dataDirectory, { recursive: true });
    this.filePath = join(dataDirectory, 'meet-store.json');
    this.content = this.read();
  }

  // --- users

  userById(id: string): StoredUser | undefined {
    return this.content.users.find((user) => user.id === id);
  }

  userBySub(sub: string): StoredUser | undefined {
    return this.content.users.find((user) => user.sub === sub);
  }

  /**
   * Creates the user on first login, refreshes their identity claims on later ones.
   * `defaultRoomAccessLevel` is the preference a returning account had already chosen.
   */
  upsertUserFromClaims(
    claims: { sub: string; email: string; givenName: string; familyName: string },
    defaultRoomAccessLevel: StoredAccessLevel | null = null,
  ): StoredUser {
    const fullName = `${claims.givenName} ${claims.familyName}`.trim() || claims.email;
    const existing = this.content.users.find((user) => user.sub === claims.sub);
    if (existing) {
      Object.assign(existing, { email: claims.email, fullName, shortName: claims.givenName || fullName });
      existing.defaultRoomAccessLevel ??= null;
      this.write();
      return existing;
    }
    const user: StoredUser = {
      id: randomUUID(),
      sub: claims.sub,
      email: claims.email,
      fullName,
      shortName: claims.givenName || fullName,
      language: 'fr-fr',
      timezone: 'Europe/Paris',
      defaultRoomAccessLevel,
    };
    this.content.users.push(user);
    this.write();
    return user;
  }

  updateUser(user: StoredUser, change: Partial<Pick<StoredUser, 'language' | 'timezone' | 'defaultRoomAccessLevel'>>): StoredUser {
    Object.assign(user, change);
    this.write();
    return user;
  }

  // --- rooms

  /** Finds a room by its UUID or its slug. */
  findRoom(slugOrId: string): StoredRoom | undefined {
    return this.content.rooms.find((room) => room.id === slugOrId || room.slug === slugOrId);
  }

  roomsOf(userId: string): StoredRoom[] {
    return this.content.rooms
      .filter((room) => room.accesses[userId] !== undefined)
      .sort((left, right) => right.createdAt.localeCompare(left.createdAt));
  }

  createRoom(
    slug: string,
    ownerId: string,
    accessLevel: StoredAccessLevel,
    details: { name?: string; configuration?: Record<string, unknown> } = {},
  ): StoredRoom {
    const room: StoredRoom = {
      id: randomUUID(),
      slug,
      name: details.name ?? slug,
      accessLevel,
      configuration: details.configuration ?? {},
      accesses: { [ownerId]: 'owner' },
      createdAt: new Date().toISOString(),
    };
    this.content.rooms.push(room);
    this.write();
    return room;
  }

  /**
   * The room's PIN, drawn at random among the codes no other room holds (as Meet does: uniform
   * over every code of PIN_CODE_LENGTH digits, leading zeros kept), then kept for the room.
   */
  ensurePinCode(room: StoredRoom): string | undefined {
    if (room.pinCode) return room.pinCode;
    for (let attempt = 0; attempt < PIN_CODE_ATTEMPTS; attempt++) {
      const candidate = String(randomInt(0, 10 ** PIN_CODE_LENGTH)).padStart(PIN_CODE_LENGTH, '0');
      if (this.content.rooms.some((other) => other.pinCode === candidate)) continue;
      room.pinCode = candidate;
      this.write();
      return candidate;
    }
    return undefined;
  }

  updateRoom(room: StoredRoom, change: Partial<Pick<StoredRoom, 'accessLevel' | 'configuration' | 'accesses'>>): StoredRoom {
    Object.assign(room, change);
    this.write();
    return room;
  }

  // --- sessions

  session(id: string): StoredSession | undefined {
    const session = this.content.sessions.find((candidate) => candidate.id === id);
    if (session && session.expiresAt < Date.now()) {
      this.deleteSession(id);
      return undefined;
    }
    return session;
  }

  addSession(session: StoredSession): void {
    const now = Date.now();
    this.content.sessions = this.content.sessions.filter((candidate) => candidate.expiresAt > now);
    this.content.sessions.push(session);
    this.write();
  }

  deleteSession(id: string): void {
    this.content.sessions = this.content.sessions.filter((candidate) => candidate.id !== id);
    this.write();
  }

  private read(): StoreContent {
    try {
      const parsed = JSON.parse(readFileSync(this.filePath, 'utf8')) as Partial<StoreContent>;
      return { users: parsed.users ?? [], rooms: parsed.rooms ?? [], sessions: parsed.sessions ?? [] };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { users: [], rooms: [], sessions: [] };
      throw error;
    }
  }

  private write(): void {
    writeJsonFileAtomically(this.filePath, this.content);
  }
}
