// What the prejoin knows of the room, from its query: still asking, there, missing, or unreachable.
import type { AppError } from '../../../common/ipc-contract';
import type { Room } from '../../../common/meet-types';
import { appErrorOf } from '../../platform/backend-queries';

export type RoomCheck = { state: 'checking' } | { state: 'found'; room: Room } | { state: 'missing' } | { state: 'failed'; error: AppError };

export interface RoomAnswerState {
  data: Room | undefined;
  error: unknown;
  isPending: boolean;
  isFetching: boolean;
}

/** `missingAtJoin`: the room vanished between the prejoin's check and Join. */
export function roomCheckOf(answer: RoomAnswerState, missingAtJoin: boolean): RoomCheck {
  if (missingAtJoin) return { state: 'missing' };
  if (answer.data) return { state: 'found', room: answer.data };
  if (answer.isPending || answer.isFetching || !answer.error) return { state: 'checking' };
  const error = appErrorOf(answer.error);
  return error.code === 'not_found' ? { state: 'missing' } : { state: 'failed', error };
}
