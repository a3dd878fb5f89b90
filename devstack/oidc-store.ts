// Where the local identity provider keeps its sessions, grants and codes: in the devstack's own
// memory, on purpose (a test IdP whose state ends with the stack), through oidc-provider's
// adapter interface rather than its built-in development adapter.
type Payload = Record<string, unknown>;

interface StoredEntry {
  payload: Payload;
  expiresAt: number | undefined;
}

/** An adapter class for one provider: its models share one memory, which no other provider sees. */
export function oidcMemoryStore() {
  const entries = new Map<string, StoredEntry>();
  const keyOf = (model: string, id: string) => `${model}:${id}`;

  return class OidcMemoryStore {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      entries.set(keyOf(this.model, id), {
        payload,
        expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined,
      });
    }

    async find(id: string): Promise<Payload | undefined> {
      const key = keyOf(this.model, id);
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.payload;
    }

    async findByUserCode(userCode: string): Promise<Payload | undefined> {
      return this.findWhere((payload) => payload.userCode === userCode);
    }

    async findByUid(uid: string): Promise<Payload | undefined> {
      return this.findWhere((payload) => payload.uid === uid);
    }

    async consume(id: string): Promise<void> {
      const entry = entries.get(keyOf(this.model, id));
      if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      entries.delete(keyOf(this.model, id));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const [key, entry] of entries) {
        if (entry.payload.grantId === grantId) entries.delete(key);
      }
    }

    private async findWhere(matches: (payload: Payload) => boolean): Promise<Payload | undefined> {
      const prefix = `${this.model}:`;
      for (const [key, entry] of entries) {
        if (key.startsWith(prefix) && matches(entry.payload)) return this.find(key.slice(prefix.length));
      }
      return undefined;
    }
  };
}
