// Packet loss on a WebRTC connection carried over TCP (ICE-TCP, RFC 4571: each packet preceded by
// its length on two bytes). The RTP packets are dropped in a steady proportion, as a lossy radio
// link drops datagrams; STUN, DTLS and RTCP go through, so the connection itself holds and both
// ends measure the loss as they would on UDP. A stream that does not start as ICE-TCP framing
// (the signalling's WebSocket, which starts "GET ") is passed untouched.

const LENGTH_BYTES = 2;

/** RFC 7983: an RTP or RTCP packet starts with 128–191; RTCP packet types are 192–223. */
function isRtp(packet: Buffer): boolean {
  const first = packet[0] ?? 0;
  const second = packet[1] ?? 0;
  return first >= 128 && first <= 191 && !(second >= 192 && second <= 223);
}

export class RtpLossFilter {
  private pending: Buffer = Buffer.alloc(0);
  private framed: boolean | undefined;
  /** Dropped share accumulated so far: a packet is dropped each time it reaches 1. */
  private debt = 0;
  /** RTP packets dropped so far. */
  dropped = 0;

  /** `loss()` is read for each packet, so the loss can start and stop mid-stream. */
  constructor(private readonly loss: () => number) {}

  /** What to send on for `chunk`: whole frames, the dropped ones left out. */
  filter(chunk: Buffer): Buffer {
    this.framed ??= !chunk.subarray(0, 4).equals(Buffer.from('GET '));
    if (!this.framed) return chunk;
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const kept: Buffer[] = [];
    let offset = 0;
    while (this.pending.length - offset >= LENGTH_BYTES) {
      const end = offset + LENGTH_BYTES + this.pending.readUInt16BE(offset);
      if (end > this.pending.length) break;
      const frame = this.pending.subarray(offset, end);
      if (!this.drops(frame.subarray(LENGTH_BYTES))) kept.push(frame);
      offset = end;
    }
    this.pending = this.pending.subarray(offset);
    return Buffer.concat(kept);
  }

  private drops(packet: Buffer): boolean {
    const loss = this.loss();
    if (loss <= 0 || !isRtp(packet)) return false;
    this.debt += loss;
    if (this.debt < 1) return false;
    this.debt -= 1;
    this.dropped += 1;
    return true;
  }
}
