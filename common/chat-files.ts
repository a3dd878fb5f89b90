// Files in the chat travel from participant to participant through the room's LiveKit server, as
// byte streams attached to a chat message: the Meet instance neither stores nor sees them. Which
// files may go is the ministry's decision (profile, machine policy), checked three times with the
// rules below: by the sender before sending, by each receiver before keeping, and by main before
// writing a file to disk.
import { z } from 'zod';
import { INVISIBLE_CHARACTERS } from './invisible-characters';
import { localeOf, type Language } from './languages';

/** The types the app knows, each with the extensions a file of that type may have. */
export const CHAT_FILE_TYPES = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'text/plain': ['txt'],
  'text/csv': ['csv'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/vnd.oasis.opendocument.presentation': ['odp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/zip': ['zip'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.ms-powerpoint': ['ppt'],
} as const satisfies Record<string, readonly string[]>;

export type ChatFileType = keyof typeof CHAT_FILE_TYPES;
export const chatFileTypes = Object.keys(CHAT_FILE_TYPES) as [ChatFileType, ...ChatFileType[]];
export const chatFileTypeSchema = z.enum(chatFileTypes);

/** Pictures shown as a thumbnail (an <img> of a blob: URL, which the page only decodes). */
const THUMBNAIL_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** No setting may allow more: a larger file belongs in a file-sharing service, not a call. */
export const MAX_CHAT_FILE_BYTES = 100_000_000;
export const MAX_FILES_PER_MESSAGE = 5;
/** Characters kept of a file name, extension included. */
export const MAX_FILE_NAME_CHARS = 120;

export const chatFilesPolicySchema = z
  .object({
    enabled: z.boolean(),
    maxSizeBytes: z.number().int().min(1).max(MAX_CHAT_FILE_BYTES),
    allowedMimeTypes: z.array(chatFileTypeSchema).max(chatFileTypes.length),
  })
  .strict();
export type ChatFilesPolicy = z.infer<typeof chatFilesPolicySchema>;

/**
 * On, for documents and pictures up to 10 MB: no archive, and no format that carries macros.
 * The ministry narrows or widens it in the profile, or switches it off by machine policy.
 */
export const defaultChatFilesPolicy: ChatFilesPolicy = {
  enabled: true,
  maxSizeBytes: 10_000_000,
  allowedMimeTypes: [
    'application/pdf',
    'image/png',
    'image/jpeg',
    'image/gif',
    'image/webp',
    'text/plain',
    'text/csv',
    'application/vnd.oasis.opendocument.text',
    'application/vnd.oasis.opendocument.spreadsheet',
    'application/vnd.oasis.opendocument.presentation',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ],
};

/** Characters no file system takes in a name, and the path separators. */
const UNSAFE_IN_NAME = /[<>:"/\\|?*]/g;
const FALLBACK_NAME = 'fichier';

/**
 * A name safe to show and to propose in a save dialog: its last path part only, without
 * invisible or reserved characters nor leading dots, cut to MAX_FILE_NAME_CHARS keeping the extension.
 */
export function sanitizeFileName(raw: string): string {
  const lastPart = raw.slice(0, 4096).split(/[/\\]/).pop() ?? '';
  const cleaned = lastPart.replace(INVISIBLE_CHARACTERS, '').replace(UNSAFE_IN_NAME, '_').trim().replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (!cleaned) return FALLBACK_NAME;
  const characters = [...cleaned];
  if (characters.length <= MAX_FILE_NAME_CHARS) return cleaned;
  const extension = extensionOf(cleaned);
  const tail = extension && extension.length < 16 ? `.${extension}` : '';
  return characters.slice(0, MAX_FILE_NAME_CHARS - tail.length).join('') + tail;
}

/** The extension, lower-cased, or '' when the name has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The known type of a file name's extension, whatever type its sender claimed. */
export function chatFileTypeOf(name: string): ChatFileType | null {
  const extension = extensionOf(name);
  const found = chatFileTypes.find((type) => (CHAT_FILE_TYPES[type] as readonly string[]).includes(extension));
  return found ?? null;
}

export type ChatFileRefusal = 'disabled' | 'type' | 'size';

export interface ChatFileFacts {
  name: string;
  mimeType: string;
  /** Bytes, as announced or as counted. */
  size: number;
}

/**
 * Why a file may not go, or null. The type must be allowed and the name's extension be one of
 * that type's: a `facture.pdf.exe` announced as a PDF is refused.
 */
export function chatFileRefusal(file: ChatFileFacts, policy: ChatFilesPolicy): ChatFileRefusal | null {
  if (!policy.enabled) return 'disabled';
  const mimeType = file.mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(policy.allowedMimeTypes as readonly string[]).includes(mimeType)) return 'type';
  if (chatFileTypeOf(file.name) !== mimeType) return 'type';
  if (!Number.isFinite(file.size) || file.size < 0 || file.size > policy.maxSizeBytes) return 'size';
  return null;
}

export function isThumbnailType(mimeType: string): boolean {
  return THUMBNAIL_TYPES.includes(mimeType);
}

/** A size as the language writes it: `120 ko`, `120 kB`, `3,4 Mo`. Decimal units (1 ko = 1 000 octets). */
export function formatFileSize(bytes: number, language: Language): string {
  const units = [
    ['byte', 1],
    ['kilobyte', 1e3],
    ['megabyte', 1e6],
    ['gigabyte', 1e9],
  ] as const;
  const [unit, scale] = units.findLast(([, size]) => bytes >= size) ?? units[0];
  const value = bytes / scale;
  return new Intl.NumberFormat(localeOf[language], {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit !== 'byte' ? 1 : 0,
  }).format(value);
}

/** What a client that ignores attachments (Meet's web app) reads: « 📎 rapport.pdf (120 ko) ». */
export function attachmentsCaption(files: ReadonlyArray<{ name: string; size: number }>, language: Language): string {
  return `📎 ${files.map((file) => `${file.name} (${formatFileSize(file.size, language)})`).join(', ')}`;
}
