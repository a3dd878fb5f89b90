// Saves a file received in the chat where the user chooses. The page hands over the bytes it
// kept; main checks them again against the chat files setting (on, type matching the name's
// extension, size), proposes the cleaned name in the downloads folder, and writes only the path
// the user confirms. Nothing is ever opened.
import { join } from 'node:path';
import { chatFileRefusal, sanitizeFileName, extensionOf, type ChatFilesPolicy } from '../../common/chat-files';
import { fail, type Result } from '../../common/ipc-contract';
import type { Language } from '../../common/languages';
import { mainT } from '../i18n/main-i18n';
import { saveWhereChosen, type SaveWherePorts } from './save-dialog';

export interface ChatFileToSave {
  name: string;
  mimeType: string;
  contents: Uint8Array;
}

export interface ChatFileSaverPorts extends SaveWherePorts<Uint8Array> {
  language(): Language;
  policy(): ChatFilesPolicy;
  /** The folder the dialog opens in (the user's downloads). */
  defaultFolder(): string;
}

export function createChatFileSaver(ports: ChatFileSaverPorts): (file: ChatFileToSave) => Promise<Result<null>> {
  return async (file) => {
    const name = sanitizeFileName(file.name);
    const refusal = chatFileRefusal({ name, mimeType: file.mimeType, size: file.contents.byteLength }, ports.policy());
    if (refusal) return fail(refusal === 'disabled' ? 'locked_by_policy' : 'invalid_input', undefined, `chat file refused: ${refusal}`);
    const t = mainT(ports.language());
    const extension = extensionOf(name);
    const question = {
      title: t('chatFile.title', { name }),
      defaultPath: join(ports.defaultFolder(), name),
      buttonLabel: t('chatFile.save'),
      filters: [{ name: t('chatFile.fileType', { extension: extension.toUpperCase() }), extensions: [extension] }],
    };
    return saveWhereChosen(ports, question, file.contents, 'chat file');
  };
}
