// Files the user picks for a message: checked against the chat files setting as picked, and sent
// under their cleaned name with the type their extension stands for, which is what every
// receiver checks.
import { chatFileRefusal, chatFileTypeOf, sanitizeFileName, type ChatFileRefusal, type ChatFilesPolicy } from '../../../common/chat-files';

/** Why a picked file cannot go, or null. */
export function checkPickedFile(file: Pick<File, 'name' | 'size'>, policy: ChatFilesPolicy): ChatFileRefusal | null {
  const name = sanitizeFileName(file.name);
  return chatFileRefusal({ name, mimeType: chatFileTypeOf(name) ?? '', size: file.size }, policy);
}

/** The file as it goes: its cleaned name, and the type of its extension. */
export function attachmentOf(file: File): File {
  const name = sanitizeFileName(file.name);
  return new File([file], name, { type: chatFileTypeOf(name) ?? file.type });
}
