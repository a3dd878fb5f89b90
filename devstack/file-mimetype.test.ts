import { describe, expect, it } from 'vitest';
import { detectMimetype } from './file-mimetype';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('detectMimetype', () => {
  it('believes the content first', () => {
    expect(detectMimetype(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'photo.jpg')).toBe('image/png');
    expect(detectMimetype(bytes(0xff, 0xd8, 0xff, 0xe0), 'photo.png')).toBe('image/jpeg');
    expect(detectMimetype(new TextEncoder().encode('%PDF-1.7'), 'photo.png')).toBe('application/pdf');
  });

  it('falls back on the extension when the content says nothing specific', () => {
    expect(detectMimetype(bytes(0x00, 0x01, 0x02, 0xfe), 'photo.png')).toBe('image/png');
    expect(detectMimetype(new TextEncoder().encode('hello'), 'photo.JPEG')).toBe('image/jpeg');
    expect(detectMimetype(new TextEncoder().encode('hello'), 'notes')).toBe('text/plain');
    expect(detectMimetype(bytes(0x00, 0x01), 'data.bin')).toBe('application/octet-stream');
  });

  it('names an empty file as such, whatever its name', () => {
    expect(detectMimetype(bytes(), 'photo.png')).toBe('application/x-empty');
  });
});
