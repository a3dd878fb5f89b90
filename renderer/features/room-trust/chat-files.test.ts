import { DataStreamError, DataStreamErrorReason } from 'livekit-client';
import { describe, expect, it } from 'vitest';
import { defaultChatFilesPolicy } from '../../../common/chat-files';
import { ATTACHMENT_WAIT_MS, AttachmentLinks, drain, judgeFileHeader, KeptBytesBudget, readFileCapped } from './chat-files';

async function* chunks(...sizes: number[]): AsyncGenerator<Uint8Array> {
  for (const size of sizes) yield new Uint8Array(size);
}

describe('attachment links', () => {
  it('links a message’s streams to its sender, each claimed once', () => {
    const links = new AttachmentLinks();
    expect(links.announce('m1', ['s1', 's2', 's1'], 'alice', 'member', 0)).toEqual(['s1', 's2']);
    expect(links.claim('s1', 'mallory')).toBe(false);
    expect(links.claim('s1', 'alice')).toBe(true);
    expect(links.claim('s1', 'alice')).toBe(false);
    expect(links.claim('unknown', 'alice')).toBe(false);
  });

  it('links nothing for a sender the room does not know, and at most five files a message', () => {
    const links = new AttachmentLinks();
    expect(links.announce('m1', ['s1'], 'ghost', 'anonymous', 0)).toEqual([]);
    expect(links.announce('m2', ['a', 'b', 'c', 'd', 'e', 'f', 'x'.repeat(500)], 'alice', 'member', 0)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('gives up the streams that never start, and forgets a refused message’s', () => {
    const links = new AttachmentLinks();
    links.announce('m1', ['s1'], 'alice', 'member', 0);
    links.announce('m2', ['s2'], 'alice', 'member', 1000);
    expect(links.expire(ATTACHMENT_WAIT_MS)).toEqual(['s1']);
    links.forget(['s2']);
    expect(links.claim('s2', 'alice')).toBe(false);
  });
});

describe('file headers from others', () => {
  it('cleans the name and keeps an allowed file', () => {
    expect(judgeFileHeader({ name: '../../photo.png', mimeType: 'image/png', size: 1000 }, defaultChatFilesPolicy)).toEqual({ kept: true, name: 'photo.png', mimeType: 'image/png' });
  });

  it('refuses by announced size, type or switch before reading', () => {
    expect(judgeFileHeader({ name: 'gros.pdf', mimeType: 'application/pdf', size: 50_000_000 }, defaultChatFilesPolicy)).toMatchObject({ kept: false, refusal: 'size' });
    expect(judgeFileHeader({ name: 'rapport\u202Efdp.exe', mimeType: 'application/pdf', size: 10 }, defaultChatFilesPolicy)).toEqual({ kept: false, name: 'rapportfdp.exe', refusal: 'type' });
    expect(judgeFileHeader({ name: 'a.pdf', mimeType: 'application/pdf', size: undefined }, { ...defaultChatFilesPolicy, enabled: false })).toMatchObject({ refusal: 'disabled' });
  });
});

describe('reading a file', () => {
  it('keeps the bytes within the limit', async () => {
    const progress: number[] = [];
    const outcome = await readFileCapped(chunks(10, 20), 30, (received) => progress.push(received));
    expect(outcome).toMatchObject({ ok: true, size: 30 });
    expect(progress).toEqual([10, 30]);
  });

  it('refuses a file whose actual size goes past the limit, reading the rest without keeping it', async () => {
    let read = 0;
    async function* counted() {
      for (const size of [20, 20, 20]) {
        read += 1;
        yield new Uint8Array(size);
      }
    }
    expect(await readFileCapped(counted(), 30)).toEqual({ ok: false, refusal: 'size' });
    expect(read).toBe(3);
  });

  it('calls a broken stream incomplete', async () => {
    async function* broken() {
      yield new Uint8Array(5);
      throw new DataStreamError('gone', DataStreamErrorReason.AbnormalEnd);
    }
    expect(await readFileCapped(broken(), 30)).toEqual({ ok: false, refusal: 'incomplete' });
  });

  it('refuses a file larger than its sender announced', async () => {
    async function* oversent() {
      yield new Uint8Array(5);
      throw new DataStreamError('extra', DataStreamErrorReason.LengthExceeded);
    }
    expect(await readFileCapped(oversent(), 30)).toEqual({ ok: false, refusal: 'oversent' });
  });

  it('drains a sender’s surplus past its announced size, read after read', async () => {
    let left = 3;
    const surplus: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          if (left === 0) return { done: true, value: undefined };
          left -= 1;
          throw new DataStreamError('extra', DataStreamErrorReason.LengthExceeded);
        },
      }),
    };
    await drain(surplus);
    expect(left).toBe(0);
  });
});

describe('the bytes kept', () => {
  it('refuses a reservation past the limit until bytes are released', () => {
    const budget = new KeptBytesBudget(100);
    expect(budget.reserve(60)).toBe(true);
    expect(budget.reserve(60)).toBe(false);
    budget.release(60);
    expect(budget.reserve(60)).toBe(true);
  });
});
