import { describe, expect, it } from 'vitest';
import { defaultChatFilesPolicy } from '../../../common/chat-files';
import { attachmentOf, checkPickedFile } from './outgoing-files';

describe('files picked for a message', () => {
  it('go when their extension is an allowed type within the size, whatever type the system gave them', () => {
    expect(checkPickedFile({ name: 'tableau.csv', size: 2000 }, defaultChatFilesPolicy)).toBeNull();
    expect(checkPickedFile({ name: 'outil.exe', size: 2000 }, defaultChatFilesPolicy)).toBe('type');
    expect(checkPickedFile({ name: 'sans-extension', size: 2000 }, defaultChatFilesPolicy)).toBe('type');
    expect(checkPickedFile({ name: 'film.pdf', size: 20_000_000 }, defaultChatFilesPolicy)).toBe('size');
    expect(checkPickedFile({ name: 'rapport.pdf', size: 10 }, { ...defaultChatFilesPolicy, enabled: false })).toBe('disabled');
  });

  it('are sent under their cleaned name with their extension’s type', () => {
    // Windows often calls a CSV file an Excel one.
    const sent = attachmentOf(new File(['a;b'], 'C:\\dossier\\tableau\u202E.csv', { type: 'application/vnd.ms-excel' }));
    expect(sent.name).toBe('tableau.csv');
    expect(sent.type).toBe('text/csv');
    expect(sent.size).toBe(3);
  });
});
