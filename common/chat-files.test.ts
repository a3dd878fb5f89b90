import { describe, expect, it } from 'vitest';
import {
  attachmentsCaption,
  chatFileRefusal,
  chatFileTypeOf,
  chatFilesPolicySchema,
  defaultChatFilesPolicy,
  formatFileSize,
  MAX_FILE_NAME_CHARS,
  sanitizeFileName,
} from './chat-files';

describe('chat file names', () => {
  it('keeps the last path part only', () => {
    expect(sanitizeFileName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(sanitizeFileName('C:\\Users\\agent\\rapport.pdf')).toBe('rapport.pdf');
  });

  it('removes control and bidirectional characters, so a name reads as what it is', () => {
    expect(sanitizeFileName('facture\u202Efdp.exe')).toBe('facturefdp.exe');
    expect(sanitizeFileName('a\u0000b\u200Bc\u2066.pdf')).toBe('abc.pdf');
  });

  it('replaces characters no file system takes, and drops leading dots', () => {
    expect(sanitizeFileName('..bashrc')).toBe('bashrc');
    expect(sanitizeFileName('que*faire?.txt')).toBe('que_faire_.txt');
    expect(sanitizeFileName('   ')).toBe('fichier');
    expect(sanitizeFileName('../')).toBe('fichier');
  });

  it('cuts a long name and keeps its extension', () => {
    const name = sanitizeFileName(`${'é'.repeat(500)}.pdf`);
    expect([...name]).toHaveLength(MAX_FILE_NAME_CHARS);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('which chat files may go', () => {
  const pdf = { name: 'rapport.pdf', mimeType: 'application/pdf', size: 120_000 };

  it('lets an allowed type within the size through', () => {
    expect(chatFileRefusal(pdf, defaultChatFilesPolicy)).toBeNull();
    expect(chatFileRefusal({ ...pdf, mimeType: 'Application/PDF; charset=binary' }, defaultChatFilesPolicy)).toBeNull();
  });

  it('refuses everything when files are off', () => {
    expect(chatFileRefusal(pdf, { ...defaultChatFilesPolicy, enabled: false })).toBe('disabled');
  });

  it('refuses a type not allowed, and a name whose extension is not its type', () => {
    expect(chatFileRefusal({ name: 'outil.exe', mimeType: 'application/x-msdownload', size: 10 }, defaultChatFilesPolicy)).toBe('type');
    expect(chatFileRefusal({ ...pdf, name: 'facture.pdf.exe' }, defaultChatFilesPolicy)).toBe('type');
    expect(chatFileRefusal({ name: 'photo.png', mimeType: 'application/pdf', size: 10 }, defaultChatFilesPolicy)).toBe('type');
    expect(chatFileRefusal({ name: 'archive.zip', mimeType: 'application/zip', size: 10 }, defaultChatFilesPolicy)).toBe('type');
    expect(chatFileRefusal({ name: 'archive.zip', mimeType: 'application/zip', size: 10 }, { ...defaultChatFilesPolicy, allowedMimeTypes: ['application/zip'] })).toBeNull();
  });

  it('refuses a file over the size, and a size that is no size', () => {
    expect(chatFileRefusal({ ...pdf, size: 10_000_001 }, defaultChatFilesPolicy)).toBe('size');
    expect(chatFileRefusal({ ...pdf, size: 10_000_000 }, defaultChatFilesPolicy)).toBeNull();
    expect(chatFileRefusal({ ...pdf, size: Number.NaN }, defaultChatFilesPolicy)).toBe('size');
  });

  it('knows a type by its extension only', () => {
    expect(chatFileTypeOf('Photo.JPEG')).toBe('image/jpeg');
    expect(chatFileTypeOf('script.js')).toBeNull();
    expect(chatFileTypeOf('pdf')).toBeNull();
  });

  it('takes only the known types, and sizes up to 100 MB, as a setting', () => {
    expect(chatFilesPolicySchema.safeParse({ ...defaultChatFilesPolicy, allowedMimeTypes: ['application/x-msdownload'] }).success).toBe(false);
    expect(chatFilesPolicySchema.safeParse({ ...defaultChatFilesPolicy, maxSizeBytes: 200_000_000 }).success).toBe(false);
  });
});

describe('file sizes and captions in the user’s language', () => {
  // Intl puts a no-break space between a number and its unit.
  const plain = (text: string) => text.replace(/\s/g, ' ');

  it('writes sizes with each language’s units', () => {
    expect(plain(formatFileSize(120_000, 'fr'))).toBe('120 ko');
    expect(plain(formatFileSize(3_400_000, 'fr'))).toBe('3,4 Mo');
    expect(plain(formatFileSize(120_000, 'en'))).toBe('120 kB');
    expect(plain(formatFileSize(3_400_000, 'de'))).toBe('3,4 MB');
    expect(plain(formatFileSize(512, 'nl'))).toBe('512 byte');
  });

  it('names the files for a client that ignores attachments', () => {
    expect(plain(attachmentsCaption([{ name: 'rapport.pdf', size: 120_000 }], 'fr'))).toBe('📎 rapport.pdf (120 ko)');
    expect(plain(attachmentsCaption([{ name: 'a.png', size: 1000 }, { name: 'b.txt', size: 2_000_000 }], 'en'))).toBe('📎 a.png (1 kB), b.txt (2 MB)');
  });
});
