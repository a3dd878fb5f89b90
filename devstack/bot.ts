// Scripted participants for tests and benchmarks: real LiveKit clients (@livekit/rtc-node) that
// publish a synthetic camera and a tone, chat, react, raise a hand through the Meet API, and
// speak subtitles on behalf of anyone. Frames are copied from precomputed buffers, so two dozen
// bots stay affordable on two cores.
import {
  AudioFrame,
  AudioSource,
  LocalAudioTrack,
  LocalVideoTrack,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
  VideoBufferType,
  VideoFrame,
  VideoSource,
  type RemoteParticipant,
} from '@livekit/rtc-node';
import { randomUUID } from 'node:crypto';
import { colorForIdentity, mintParticipantToken } from './livekit-tokens';

/** What a bot needs from the stack (a `Devstack` fits). */
export interface BotBackend {
  livekitUrl: string;
  apiBaseUrl: string;
  apiKey: string;
  apiSecret: string;
}

export const CHAT_TOPIC = 'lk.chat';
export const TRANSCRIPTION_TOPIC = 'lk.transcription';

/**
 * A LiveKit token for `room` (the LiveKit room name: the Meet room's id), with the grants a
 * Meet member gets. `attributes` are merged over `color`, `room_role: member`, `is_authenticated: false`.
 */
export async function mintToken(
  backend: Pick<BotBackend, 'apiKey' | 'apiSecret'>,
  room: string,
  identity: string,
  name: string,
  attributes: Record<string, string> = {},
  options: { agent?: boolean } = {},
): Promise<string> {
  const { color, room_role: role, is_authenticated: isAuthenticated, ...extraAttributes } = attributes;
  return mintParticipantToken({
    apiKey: backend.apiKey,
    apiSecret: backend.apiSecret,
    room,
    identity,
    name,
    color: color ?? colorForIdentity(identity),
    role: role === 'owner' || role === 'administrator' ? role : 'member',
    isAuthenticated: isAuthenticated === 'true',
    extraAttributes,
    agent: options.agent,
  });
}

export interface BotOptions {
  /** LiveKit room name: the Meet room's id (`rooms/{slug}/` answers it as `livekit.room`). */
  room: string;
  identity?: string;
  name?: string;
  attributes?: Record<string, string>;
  /** A token to use instead of minting one (e.g. from `request-entry`). */
  token?: string;
  /**
   * Join as the hidden subtitle agent: only agents' transcriptions are relayed by LiveKit, and
   * only agents may attribute a text stream to someone else. Needed for `publishSubtitle`.
   */
  subtitleAgent?: boolean;
  /** Subscribe to others' tracks; off by default to save CPU. */
  autoSubscribe?: boolean;
}

export interface VideoOptions {
  width?: number;
  height?: number;
  fps?: number;
}

export interface AudioOptions {
  /**
   * Peak of the tone, out of 32767 (3000 by default: LiveKit counts the bot as speaking). A low
   * one (a few tens) still sends audio but stays under the server's active-speaker level.
   */
  amplitude?: number;
  /**
   * Publish the track but send no audio, as a muted microphone in a large meeting: subscribers
   * see the track, no packet flows, and the bot spends nothing on encoding.
   */
  silent?: boolean;
}

export interface ChatMessage {
  from: string;
  text: string;
}

export interface SubtitleSegment {
  /** The participant the words are attributed to. */
  participantIdentity: string;
  text: string;
  final?: boolean;
  /** Same id for the interim and final versions of one segment. */
  segmentId?: string;
  language?: string;
  /** The transcribed audio track; found from the participant's microphone when omitted. */
  trackSid?: string;
}

const AUDIO_SAMPLE_RATE = 48_000;
const AUDIO_FRAME_SAMPLES = 960; // 20 ms
const TONE_HZ = 400; // a whole number of periods in 20 ms, so one frame repeats seamlessly

/** A grey gradient band that scrolls, with a bright square bouncing over it. */
class MovingPattern {
  private readonly frameData: Uint8Array;
  private readonly gradientRow: Uint8Array;
  private step = 0;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    const lumaSize = width * height;
    const chromaSize = (width / 2) * (height / 2);
    this.frameData = new Uint8Array(lumaSize + 2 * chromaSize);
    this.frameData.fill(128, lumaSize);
    this.gradientRow = new Uint8Array(width * 2);
    for (let x = 0; x < this.gradientRow.length; x += 1) this.gradientRow[x] = 40 + Math.round(80 * (0.5 + 0.5 * Math.sin((x / width) * 2 * Math.PI)));
  }

  next(): VideoFrame {
    const { width, height, frameData } = this;
    const offset = (this.step * 8) % width;
    const row = this.gradientRow.subarray(offset, offset + width);
    for (let y = 0; y < height; y += 1) frameData.set(row, y * width);
    const size = Math.floor(height / 4);
    const range = width - size;
    const position = (this.step * 6) % (2 * range);
    const left = position < range ? position : 2 * range - position;
    const top = Math.floor((height - size) / 2);
    for (let y = top; y < top + size; y += 1) frameData.fill(235, y * width + left, y * width + left + size);
    this.step += 1;
    return new VideoFrame(frameData, width, height, VideoBufferType.I420);
  }
}

export class Bot {
  /** Chat messages received on `lk.chat`, oldest first. */
  readonly receivedChat: ChatMessage[] = [];
  private readonly chatListeners = new Set<(message: ChatMessage) => void>();
  private videoTimer: NodeJS.Timeout | undefined;
  private videoSource: VideoSource | undefined;
  private audioSource: AudioSource | undefined;
  private audioRunning = false;
  private audioLoop: Promise<void> | undefined;
  private readonly toneSamples = new Int16Array(AUDIO_FRAME_SAMPLES);

  private constructor(
    readonly backend: BotBackend,
    readonly room: Room,
    readonly roomName: string,
    readonly identity: string,
    readonly token: string,
  ) {
    room.registerTextStreamHandler(CHAT_TOPIC, (reader, participant) => {
      void reader.readAll().then((text) => {
        const message = { from: participant.identity, text };
        this.receivedChat.push(message);
        for (const listener of this.chatListeners) listener(message);
      });
    });
  }

  /** Connects a bot to the room with a token minted from the stack's keys (or the given one). */
  static async join(backend: BotBackend, options: BotOptions): Promise<Bot> {
    const identity = options.identity ?? `bot-${randomUUID()}`;
    const name = options.name ?? identity;
    const token = options.token ?? (await mintToken(backend, options.room, identity, name, options.attributes, { agent: options.subtitleAgent }));
    const room = new Room();
    await room.connect(backend.livekitUrl, token, { autoSubscribe: options.autoSubscribe ?? false, dynacast: true });
    return new Bot(backend, room, options.room, room.localParticipant?.identity ?? identity, token);
  }

  private get local() {
    const participant = this.room.localParticipant;
    if (!participant) throw new Error('Bot is not connected.');
    return participant;
  }

  /** Publishes a moving synthetic camera (640×360 at 15 fps by default); resolves with the track sid. */
  async publishVideo(options: VideoOptions = {}): Promise<string> {
    const width = options.width ?? 640;
    const height = options.height ?? 360;
    const fps = options.fps ?? 15;
    const source = new VideoSource(width, height);
    this.videoSource = source;
    const pattern = new MovingPattern(width, height);
    const track = LocalVideoTrack.createVideoTrack('camera', source);
    const publication = await this.local.publishTrack(
      track,
      new TrackPublishOptions({ source: TrackSource.SOURCE_CAMERA, simulcast: false }),
    );
    source.captureFrame(pattern.next());
    this.videoTimer = setInterval(() => source.captureFrame(pattern.next()), Math.round(1000 / fps));
    return publication.sid ?? '';
  }

  /** Publishes a 400 Hz tone as the microphone (or a silent one); resolves with the track sid. */
  async publishAudio(options: AudioOptions = {}): Promise<string> {
    const source = new AudioSource(AUDIO_SAMPLE_RATE, 1, 200);
    this.audioSource = source;
    this.setAudioAmplitude(options.amplitude ?? 3_000);
    const track = LocalAudioTrack.createAudioTrack('microphone', source);
    const publication = await this.local.publishTrack(
      track,
      new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
    );
    if (options.silent) return publication.sid ?? '';
    this.audioRunning = true;
    // captureFrame waits while its queue is full, which paces the loop in real time.
    this.audioLoop = (async () => {
      while (this.audioRunning) {
        try {
          await source.captureFrame(new AudioFrame(this.toneSamples, AUDIO_SAMPLE_RATE, 1, AUDIO_FRAME_SAMPLES));
        } catch {
          return;
        }
      }
    })();
    return publication.sid ?? '';
  }

  /**
   * Changes the tone's peak from the next 20 ms frame on: 3000 makes the bot the speaker, a few
   * tens keeps it sending while the server hears it as quiet (taking turns in a large room).
   */
  setAudioAmplitude(amplitude: number): void {
    for (let index = 0; index < this.toneSamples.length; index += 1) {
      this.toneSamples[index] = Math.round(amplitude * Math.sin((2 * Math.PI * TONE_HZ * index) / AUDIO_SAMPLE_RATE));
    }
  }

  /** Sends a chat message the way @livekit/components' useChat does (text stream on `lk.chat`). */
  async sendChat(text: string): Promise<void> {
    await this.local.sendText(text, { topic: CHAT_TOPIC });
  }

  /** Calls `listener` for every chat message received from now on; returns the unsubscribe. */
  onChat(listener: (message: ChatMessage) => void): () => void {
    this.chatListeners.add(listener);
    return () => this.chatListeners.delete(listener);
  }

  /** Sends a Meet reaction (`reactionReceived` reliable data packet). */
  async sendReaction(emoji: string): Promise<void> {
    const payload = JSON.stringify({ type: 'reactionReceived', data: { emoji } });
    await this.local.publishData(new TextEncoder().encode(payload), { reliable: true });
  }

  /** Raises or lowers the hand through the API's `toggle-hand`, authenticated by the bot's token. */
  async setHandRaised(raised: boolean, meetRoomId: string = this.roomName): Promise<void> {
    const response = await fetch(`${this.backend.apiBaseUrl}rooms/${encodeURIComponent(meetRoomId)}/toggle-hand/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ raised }),
    });
    if (!response.ok) throw new Error(`toggle-hand answered ${response.status}: ${await response.text()}`);
  }

  raiseHand(): Promise<void> {
    return this.setHandRaised(true);
  }

  lowerHand(): Promise<void> {
    return this.setHandRaised(false);
  }

  /**
   * Publishes one subtitle segment attributed to `participantIdentity`, in both forms the live
   * subtitle agent uses: a legacy transcription packet and a text stream on `lk.transcription`.
   * The bot must have joined with `subtitleAgent: true`.
   */
  async publishSubtitle(segment: SubtitleSegment): Promise<void> {
    const segmentId = segment.segmentId ?? `segment-${randomUUID()}`;
    const final = segment.final ?? true;
    const trackSid = segment.trackSid ?? this.microphoneSidOf(segment.participantIdentity);
    // An empty track sid makes rtc-node receivers panic; a real agent always transcribes a track.
    if (!trackSid) throw new Error(`No audio track of ${segment.participantIdentity} to attribute the subtitle to.`);
    await this.local.publishTranscription({
      participantIdentity: segment.participantIdentity,
      trackSid,
      segments: [
        {
          id: segmentId,
          text: segment.text,
          language: segment.language ?? 'fr',
          startTime: BigInt(0),
          endTime: BigInt(0),
          final,
        },
      ],
    });
    const writer = await this.local.streamText({
      topic: TRANSCRIPTION_TOPIC,
      senderIdentity: segment.participantIdentity,
      attributes: {
        'lk.segment_id': segmentId,
        'lk.transcription_final': final ? 'true' : 'false',
        'lk.transcribed_track_id': trackSid,
      },
    });
    await writer.write(segment.text);
    await writer.close();
  }

  private microphoneSidOf(identity: string): string {
    const participants: Iterable<RemoteParticipant> = this.room.remoteParticipants.values();
    const owner =
      identity === this.identity ? this.room.localParticipant : [...participants].find((candidate) => candidate.identity === identity);
    for (const publication of owner?.trackPublications.values() ?? []) {
      if (publication.kind === TrackKind.KIND_AUDIO && publication.sid) return publication.sid;
    }
    return '';
  }

  /** Stops the media loops and leaves the room. */
  async disconnect(): Promise<void> {
    clearInterval(this.videoTimer);
    this.audioRunning = false;
    await this.audioLoop;
    await this.room.disconnect();
    await Promise.allSettled([this.videoSource?.close(), this.audioSource?.close()]);
  }
}

export { RoomEvent };
