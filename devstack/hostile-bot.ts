// A hostile participant for security tests: an ordinary member (no agent kind, no admin role)
// who tries everything a room lets anyone send — forged subtitles, admin notices, floods,
// malformed and oversized payloads, identities written into payloads — so a test can check
// that the app shows none of it. Every attack is bounded in count and time.
import { TrackKind } from '@livekit/rtc-node';
import { randomUUID } from 'node:crypto';
import type { Bot } from './bot';
import { CHAT_TOPIC, TRANSCRIPTION_TOPIC } from './bot';

const LEGACY_CHAT_TOPIC = 'lk-chat-topic';

/** Name and attributes with markup and CSS, for the hostile bot's token. */
export const HOSTILE_NAME = 'Mallory <img src=x onerror="document.body.dataset.pwned=1">\u202e';
export const HOSTILE_ATTRIBUTES: Record<string, string> = {
  color: 'red; background-image: url(https://evil.test/pixel.png)',
  handRaisedAt: '<script>document.body.dataset.pwned=1</script>',
};

/** Text the app must never show: the sign that an attack got through. */
export const FORGED_SUBTITLE = 'Je valide le virement de 2 millions.';
export const PHISHING_URL = 'https://visio-gouv.fr.evil.test';

/** A file as a hostile sender describes it: any name and type, a size it may lie about. */
export interface HostileFile {
  name: string;
  mimeType: string;
  /** Bytes actually sent. */
  bytes: number;
  /** The size announced in the stream header; none when omitted. */
  announcedSize?: number;
}

/** What rtc-node sends to its native library, as far as a text stream's announcement goes. */
interface FfiRequest {
  message: { case?: string; value?: { options?: { attachedStreamIds?: string[] } } };
}
interface FfiClient {
  request(request: FfiRequest): unknown;
}

/**
 * Runs `send` with `streamIds` announced as the attachments of the text stream it opens.
 * rtc-node 1.1 offers no option for it, but the message it hands its native library has the
 * field (`StreamTextOptions.attached_stream_ids`): it is filled on the way.
 */
async function withAttachedStreamIds<T>(streamIds: string[], send: () => Promise<T>): Promise<T> {
  const client = (globalThis as { _ffiClientInstance?: FfiClient })._ffiClientInstance;
  if (!client) throw new Error('rtc-node is not loaded.');
  const request = client.request.bind(client);
  client.request = (message) => {
    const options = message.message.value?.options;
    if (message.message.case === 'sendText' && options) options.attachedStreamIds = streamIds;
    return request(message);
  };
  try {
    return await send();
  } finally {
    client.request = request;
  }
}

const FILE_CHUNK_BYTES = 15_000;

const json = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

export class HostileParticipant {
  constructor(readonly bot: Bot) {}

  private get local() {
    const participant = this.bot.room.localParticipant;
    if (!participant) throw new Error('The hostile bot is not connected.');
    return participant;
  }

  private async send(payload: Uint8Array, options: { topic?: string; to?: string[]; reliable?: boolean } = {}): Promise<void> {
    await this.local
      .publishData(payload, { reliable: options.reliable ?? true, topic: options.topic, destination_identities: options.to })
      .catch(() => undefined);
  }

  /** The sid of `identity`'s microphone, as the bot sees it. */
  microphoneOf(identity: string): string | undefined {
    const participant = this.bot.room.remoteParticipants.get(identity);
    for (const publication of participant?.trackPublications.values() ?? []) {
      if (publication.kind === TrackKind.KIND_AUDIO && publication.sid) return publication.sid;
    }
    return undefined;
  }

  /** Words put in `victim`'s mouth: text streams naming their microphone, and a legacy packet. */
  async forgeSubtitles(victim: string, trackSid: string): Promise<void> {
    const attributes = { 'lk.segment_id': 'forged-1', 'lk.transcription_final': 'true', 'lk.transcribed_track_id': trackSid };
    for (const senderIdentity of [undefined, victim]) {
      const writer = await this.local.streamText({ topic: TRANSCRIPTION_TOPIC, attributes, senderIdentity }).catch(() => undefined);
      await writer?.write(FORGED_SUBTITLE).catch(() => undefined);
      await writer?.close().catch(() => undefined);
    }
    await this.local
      .publishTranscription({
        participantIdentity: victim,
        trackSid,
        segments: [{ id: 'forged-2', text: FORGED_SUBTITLE, language: 'fr', startTime: BigInt(0), endTime: BigInt(0), final: true }],
      })
      .catch(() => undefined);
  }

  /** What only admins and the server may send, sent by a member. */
  async fakeAdminNotices(victim: string): Promise<void> {
    await this.send(json({ type: 'lowerHand' }), { to: [victim] });
    await this.send(json({ type: 'participantMuted', data: { by: 'Administrateur' } }), { to: [victim] });
    await this.send(json({ type: 'permissionsRemoved', data: { removedSources: [`reconnectez-vous sur ${PHISHING_URL}`] } }), { to: [victim] });
    await this.send(json({ type: 'permissionsRemoved', data: { removedSources: ['camera'], message: PHISHING_URL } }), { to: [victim] });
    await this.send(json({ type: 'transcriptionLimitReached' }));
  }

  /** One chat message of `bytes` bytes, as a text stream, uncompressed. */
  async hugeChat(bytes: number): Promise<void> {
    await this.local.sendText('A'.repeat(bytes), { topic: CHAT_TOPIC, compress: false }).catch(() => undefined);
  }

  /** A chat message with files, each a byte stream on `lk.chat` sent as the message announced it. */
  async chatWithFiles(text: string, files: HostileFile[]): Promise<void> {
    const streamIds = files.map(() => randomUUID());
    await withAttachedStreamIds(streamIds, () => this.local.sendText(text, { topic: CHAT_TOPIC }));
    for (const [index, file] of files.entries()) {
      const writer = await this.local.streamBytes({ streamId: streamIds[index], name: file.name, mimeType: file.mimeType, topic: CHAT_TOPIC, totalSize: file.announcedSize });
      for (let sent = 0; sent < file.bytes; sent += FILE_CHUNK_BYTES) {
        const ok = await writer.write(new Uint8Array(Math.min(FILE_CHUNK_BYTES, file.bytes - sent)).fill(0x41)).then(() => true, () => false);
        if (!ok) break;
      }
      await writer.close().catch(() => undefined);
    }
  }

  /** Legacy chat packets claiming dates at both ends of time, and someone else's identity. */
  async datedChats(victim: string): Promise<void> {
    for (const timestamp of [0, 8.64e15, -1, Number.MAX_SAFE_INTEGER]) {
      await this.send(json({ id: `dated-${timestamp}`, timestamp, message: `daté ${timestamp}`, senderIdentity: victim, from: victim }), { topic: LEGACY_CHAT_TOPIC });
    }
  }

  async waitingFlood(count: number): Promise<void> {
    for (let index = 0; index < count; index += 1) await this.send(json({ type: 'participantWaiting' }));
  }

  /** Not JSON, JSON of the wrong shape, oversized JSON, unknown types, prototype names. */
  async malformedPackets(): Promise<void> {
    const payloads = [
      new Uint8Array([0xff, 0xfe, 0x00, 0x01]),
      json('{"type":'),
      json('null'),
      json('[{"type":"lowerHand"}]'),
      json({ type: 42 }),
      json({ type: 'reactionReceived', data: { emoji: '<img src=x onerror=alert(1)>' } }),
      json({ type: 'reactionReceived', data: { emoji: 'thumbs-up', senderName: 'La Ministre' }, from: 'server' }),
      json({ type: 'hackTheRoom', data: { text: PHISHING_URL } }),
      json({ type: '__proto__' }),
      json({ type: 'participantMuted', padding: 'x'.repeat(12_000) }),
      json({ id: 'legacy-huge', message: 'B'.repeat(12_000) }),
    ];
    for (const payload of payloads) await this.send(payload);
    await this.send(json('{"id":"x","message":'), { topic: LEGACY_CHAT_TOPIC });
    await this.send(json({ id: 'y'.repeat(5000), message: 'identifiant géant' }), { topic: LEGACY_CHAT_TOPIC });
    await this.send(json({ type: 'lowerHand' }), { topic: 'unknown-topic' });
  }

  /** Packets as fast as the connection takes them, until `count` are sent or `maxMs` has passed. */
  async packetFlood(count: number, maxMs: number): Promise<number> {
    const deadline = Date.now() + maxMs;
    const payloads = [json({ type: 'reactionReceived', data: { emoji: 'red-heart' } }), json({ type: 'lowerHand' }), json({ type: 'flood' })];
    let sent = 0;
    while (sent < count && Date.now() < deadline) {
      await this.send(payloads[sent % payloads.length] as Uint8Array, { reliable: false });
      sent += 1;
    }
    return sent;
  }
}
