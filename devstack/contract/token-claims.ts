// The LiveKit tokens the devstack hands out, held against livekit-token-claims.json: the same
// claims with the same types (a role-less participant's `room_role` is null), the same grants,
// the same lifetime, and the identity taken from the same source.
import { compareBodies, type Origins } from './compare';
import type { RecordedToken } from './recording';
import type { Replayed } from './replayer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

function tokenAt(body: unknown, field: string): string | undefined {
  let value: unknown = body;
  for (const key of field.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** Differences between the recorded tokens and those the replayed answers carried. */
export function compareTokens(recorded: RecordedToken[], replayed: Replayed[], userSubs: ReadonlySet<string>, origins: Origins): string[] {
  const problems: string[] = [];
  let compared = 0;
  for (const entry of recorded) {
    const answer = replayed.find((candidate) => candidate.exchange.situation === entry.situation && candidate.status < 300);
    const token = answer ? tokenAt(answer.body, entry.field) : undefined;
    if (!token) continue;
    compared += 1;
    const where = `livekit-token-claims.json — ${entry.situation} (${entry.field})`;
    const claims = decodeClaims(token);
    const recordedClaims = entry.claims;
    for (const problem of compareBodies(
      { ...recordedClaims, nbf: 0, exp: 0, name: 'name', video: { ...(recordedClaims.video as object), room: 'room' } },
      { ...claims, name: 'name', video: { ...(claims.video as object), room: 'room' } },
      origins,
      'claims',
    )) {
      problems.push(`${where}: ${problem}`);
    }
    const attributes = (claims.attributes ?? {}) as Record<string, unknown>;
    const recordedAttributes = (recordedClaims.attributes ?? {}) as Record<string, unknown>;
    for (const key of ['room_role', 'is_authenticated']) {
      if (attributes[key] !== recordedAttributes[key]) {
        problems.push(`${where}: attributes.${key} ${JSON.stringify(recordedAttributes[key])} recorded, ${JSON.stringify(attributes[key])} handed out`);
      }
    }
    const recordedSources = JSON.stringify((recordedClaims.video as { canPublishSources?: unknown }).canPublishSources);
    const sources = JSON.stringify((claims.video as { canPublishSources?: unknown } | undefined)?.canPublishSources);
    if (recordedSources !== sources) problems.push(`${where}: canPublishSources ${recordedSources} recorded, ${sources} handed out`);
    const lifetime = Number(claims.exp) - Number(claims.nbf);
    if (lifetime !== entry.exp_minus_nbf_seconds) problems.push(`${where}: lifetime ${entry.exp_minus_nbf_seconds} s recorded, ${lifetime} s handed out`);
    const sub = String(claims.sub);
    const lobbyId = (answer?.body as { id?: unknown } | null)?.id;
    if (entry.identity_source.startsWith('user sub') && !userSubs.has(sub)) problems.push(`${where}: identity ${sub} is not the user's subject`);
    if (entry.identity_source.startsWith('lobby participant id') && sub !== lobbyId) problems.push(`${where}: identity ${sub} is not the lobby id ${String(lobbyId)}`);
    if (entry.identity_source.startsWith('fresh random') && (!UUID.test(sub) || userSubs.has(sub))) problems.push(`${where}: identity ${sub} is not a fresh UUID`);
  }
  if (compared === 0) problems.push('livekit-token-claims.json: no token was compared');
  return problems;
}
