// The body of `POST /rooms/{id}/update-participant/`, checked the way Meet's backend checks it
// (UpdateParticipantSerializer): at least one of metadata, attributes, permission or name; a
// permission object with LiveKit's fields only, lower-case track sources, and never the flags
// reserved to the server (hidden, recorder, agent). What LiveKit gets follows from it.
import { ParticipantPermission } from 'livekit-server-sdk';
import { PUBLISH_SOURCE_NAMES, type PublishSourceName } from '../common/meet-types';
import { SOURCE_BY_NAME } from './livekit-tokens';

const PERMISSION_FLAGS = ['can_subscribe', 'can_publish', 'can_publish_data', 'can_update_metadata', 'can_subscribe_metrics'] as const;
/** Upstream's PARTICIPANT_FORBIDDEN_PERMISSION_FIELDS default. */
const FORBIDDEN_PERMISSION_FIELDS = ['hidden', 'recorder', 'agent'] as const;
const PERMISSION_FIELDS = new Set<string>([...PERMISSION_FLAGS, ...FORBIDDEN_PERMISSION_FIELDS, 'can_publish_sources']);
const NAME_MAX_LENGTH = 255;

export class ParticipantUpdateError extends Error {}

export interface ParticipantUpdate {
  identity: string;
  metadata?: string;
  attributes?: Record<string, string>;
  /** As LiveKit takes it: the whole permission set, an unset flag being false (like upstream's protobuf). */
  permission?: ParticipantPermission;
  name?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPublishSourceName(value: unknown): value is PublishSourceName {
  return typeof value === 'string' && (PUBLISH_SOURCE_NAMES as readonly string[]).includes(value);
}

/** `can_publish_sources` as the API writes it: lower-case names, each known. */
export function parseTrackSources(value: unknown, field: string): PublishSourceName[] {
  if (!Array.isArray(value)) throw new ParticipantUpdateError(`« ${field} » doit être une liste.`);
  for (const source of value) {
    if (!isPublishSourceName(source)) {
      throw new ParticipantUpdateError(`« ${field} » : source inconnue ${JSON.stringify(source)} (attendu : ${PUBLISH_SOURCE_NAMES.join(', ')}).`);
    }
  }
  return value as PublishSourceName[];
}

function parsePermission(value: unknown): ParticipantPermission {
  if (!isRecord(value)) throw new ParticipantUpdateError('« permission » doit être un objet.');
  const unknown = Object.keys(value).filter((key) => !PERMISSION_FIELDS.has(key));
  if (unknown.length > 0) throw new ParticipantUpdateError(`« permission » : champs non permis : ${unknown.join(', ')}.`);
  const forbidden = FORBIDDEN_PERMISSION_FIELDS.filter((field) => value[field] !== undefined && value[field] !== null);
  if (forbidden.length > 0) {
    throw new ParticipantUpdateError(`Setting the following participant permissions is not allowed: ${forbidden.join(', ')}.`);
  }
  for (const flag of PERMISSION_FLAGS) {
    const flagValue = value[flag];
    if (flagValue !== undefined && flagValue !== null && typeof flagValue !== 'boolean') {
      throw new ParticipantUpdateError(`« permission.${flag} » doit être un booléen.`);
    }
  }
  const sources = value.can_publish_sources === undefined ? [] : parseTrackSources(value.can_publish_sources, 'permission.can_publish_sources');
  const flag = (name: (typeof PERMISSION_FLAGS)[number]) => value[name] === true;
  return new ParticipantPermission({
    canSubscribe: flag('can_subscribe'),
    canPublish: flag('can_publish'),
    canPublishData: flag('can_publish_data'),
    canUpdateMetadata: flag('can_update_metadata'),
    canSubscribeMetrics: flag('can_subscribe_metrics'),
    canPublishSources: sources.map((source) => SOURCE_BY_NAME[source]),
  });
}

function parseAttributes(value: unknown): Record<string, string> {
  if (!isRecord(value)) throw new ParticipantUpdateError('« attributes » doit être un objet.');
  for (const [key, attribute] of Object.entries(value)) {
    if (typeof attribute !== 'string') throw new ParticipantUpdateError(`« attributes.${key} » doit être une chaîne.`);
  }
  return value as Record<string, string>;
}

export function parseParticipantUpdate(fields: Record<string, unknown>): ParticipantUpdate {
  const identity = fields.participant_identity;
  if (typeof identity !== 'string') throw new ParticipantUpdateError('« participant_identity » : Not a valid string.');
  if (identity.trim() === '') throw new ParticipantUpdateError('« participant_identity » est requis.');
  const update: ParticipantUpdate = { identity: identity.trim() };
  if (fields.metadata !== undefined && fields.metadata !== null) {
    if (!isRecord(fields.metadata)) throw new ParticipantUpdateError('« metadata » doit être un objet.');
    update.metadata = JSON.stringify(fields.metadata);
  }
  if (fields.attributes !== undefined && fields.attributes !== null) update.attributes = parseAttributes(fields.attributes);
  if (fields.permission !== undefined && fields.permission !== null) update.permission = parsePermission(fields.permission);
  if (fields.name !== undefined && fields.name !== null) {
    if (typeof fields.name !== 'string') throw new ParticipantUpdateError('« name » doit être une chaîne.');
    if (fields.name.length > NAME_MAX_LENGTH) throw new ParticipantUpdateError(`« name » ne doit pas dépasser ${NAME_MAX_LENGTH} caractères.`);
    if (fields.name !== '') update.name = fields.name;
  }
  if (update.metadata === undefined && update.attributes === undefined && update.permission === undefined && update.name === undefined) {
    throw new ParticipantUpdateError('At least one of the following fields must be provided: metadata, attributes, permission, name.');
  }
  return update;
}

const PYDANTIC_ERRORS = 'https://errors.pydantic.dev/2.13/v/';
const SOURCES_EXPECTED = PUBLISH_SOURCE_NAMES.map((name) => `'${name}'`).join(', ').replace(/, ([^,]*)$/, ' or $1');

/**
 * What upstream's RoomConfiguration (pydantic, extra keys forbidden) finds wrong in a room's
 * `configuration`, in pydantic's error shape; empty when it is accepted. Only
 * `can_publish_sources` (known sources or null) and `everyone_can_mute` (boolean or null) exist.
 */
export function roomConfigurationProblems(value: unknown): Record<string, unknown>[] {
  if (!isRecord(value)) {
    return [{ type: 'model_type', loc: [], msg: 'Input should be a valid dictionary', input: String(value), url: `${PYDANTIC_ERRORS}model_type` }];
  }
  const problems: Record<string, unknown>[] = [];
  for (const key of Object.keys(value)) {
    if (key === 'can_publish_sources' || key === 'everyone_can_mute') continue;
    problems.push({ type: 'extra_forbidden', loc: [key], msg: 'Extra inputs are not permitted', input: pythonRepr(value[key]), url: `${PYDANTIC_ERRORS}extra_forbidden` });
  }
  const sources = value.can_publish_sources;
  if (Array.isArray(sources)) {
    sources.forEach((source, index) => {
      if (isPublishSourceName(source)) return;
      problems.push({
        type: 'literal_error',
        loc: ['can_publish_sources', String(index)],
        msg: `Input should be ${SOURCES_EXPECTED}`,
        input: pythonRepr(source),
        ctx: { expected: SOURCES_EXPECTED },
        url: `${PYDANTIC_ERRORS}literal_error`,
      });
    });
  } else if (sources !== undefined && sources !== null) {
    problems.push({ type: 'list_type', loc: ['can_publish_sources'], msg: 'Input should be a valid list', input: pythonRepr(sources), url: `${PYDANTIC_ERRORS}list_type` });
  }
  const mute = value.everyone_can_mute;
  if (mute !== undefined && mute !== null && typeof mute !== 'boolean') {
    problems.push({ type: 'bool_type', loc: ['everyone_can_mute'], msg: 'Input should be a valid boolean', input: pythonRepr(mute), url: `${PYDANTIC_ERRORS}bool_type` });
  }
  return problems;
}

/** How Python prints a JSON value, as pydantic's `input` shows it through DRF. */
function pythonRepr(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null) return 'None';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
