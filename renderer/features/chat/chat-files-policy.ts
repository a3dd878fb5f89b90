// The chat files setting this computer runs with (built-in defaults, the ministry's profile, the
// machine policy), read once from main. If it cannot be read, files are off: nothing is sent or
// kept on a guess.
import { queryOptions } from '@tanstack/react-query';
import { defaultChatFilesPolicy, type ChatFilesPolicy } from '../../../common/chat-files';
import { invoke } from '../../platform/visio';

let loading: Promise<ChatFilesPolicy> | null = null;

export function loadChatFilesPolicy(): Promise<ChatFilesPolicy> {
  loading ??= invoke('settings:get', undefined).then((result) =>
    result.ok ? result.value.settings.chatFiles : { ...defaultChatFilesPolicy, enabled: false },
  );
  return loading;
}

export const chatFilesPolicyQuery = () =>
  queryOptions({ queryKey: ['settings', 'chat-files'] as const, queryFn: loadChatFilesPolicy, staleTime: Infinity });
