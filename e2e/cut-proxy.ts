// A network cut for one browser: it reaches LiveKit (signalling, HTTP requests and, with UDP
// disabled, its media over ICE/TCP) only through this HTTP proxy, which can stop every byte both ways, like a
// cable pulled out, and let them through again. Nothing is closed or reset: the browser and the
// server find out only from the silence.
import type { LaunchOptions } from '@playwright/test';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { LOOPBACK_HOST } from '../devstack/free-port';
import { RtpLossFilter } from './rtp-loss';

const MAX_HEAD_BYTES = 8_192;

export class CutProxy {
  private readonly sockets = new Set<Socket>();
  private isCut = false;
  private refusing = false;
  /** Share of the RTP packets the browser sends that never arrive (see rtp-loss.ts). */
  private sentRtpLoss = 0;
  private readonly lossFilters: RtpLossFilter[] = [];
  /** CONNECT tunnels opened so far (the signalling's and ICE-TCP's; plain HTTP requests are not counted). */
  tunnelsOpened = 0;
  private readonly held: Array<() => void> = [];
  /** What was sent during the cut, delivered in order once the link is back (as TCP would). */
  private readonly stalled: Array<{ to: Socket; chunk: Buffer }> = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<CutProxy> {
    const accepting: { proxy?: CutProxy } = {};
    const server = createServer((client) => accepting.proxy?.accept(client));
    await new Promise<void>((resolve) => server.listen(0, LOOPBACK_HOST, () => resolve()));
    const address = server.address();
    accepting.proxy = new CutProxy(server, typeof address === 'object' && address ? address.port : 0);
    return accepting.proxy;
  }

  /**
   * Chromium launch options sending this browser's LiveKit traffic through the proxy: every
   * loopback origin but the ones in `direct` (the web app, the identity provider), and WebRTC over
   * TCP through the proxy only (no UDP that would go around it); with `media: false` WebRTC keeps
   * its direct UDP and only the signalling goes through the proxy.
   */
  launchOptions(direct: string[], options: { media?: boolean } = {}): LaunchOptions {
    const bypass = ['<-loopback>', ...direct.map((origin) => new URL(origin).host)].join(',');
    const media = options.media ?? true;
    return { proxy: { server: `http://${LOOPBACK_HOST}:${this.port}`, bypass }, args: media ? ['--webrtc-ip-handling-policy=disable_non_proxied_udp'] : [] };
  }

  /** Stops every byte, both ways, on every tunnel; new tunnels wait. */
  cut(): void {
    this.isCut = true;
  }

  restore(): void {
    this.isCut = false;
    for (const { to, chunk } of this.stalled.splice(0)) if (!to.destroyed) to.write(chunk);
    for (const release of this.held.splice(0)) release();
  }

  /**
   * From now on, drops `share` (0 to 1) of the RTP packets the browser sends over ICE-TCP, as a
   * lossy link would; 0 ends the loss.
   */
  loseSentRtp(share: number): void {
    this.sentRtpLoss = share;
  }

  /** RTP packets dropped so far by loseSentRtp. */
  get droppedRtpPackets(): number {
    return this.lossFilters.reduce((total, filter) => total + filter.dropped, 0);
  }

  /**
   * Keeps the tunnels already open and refuses every new one, as a proxy that lets a long-lived
   * connection live but blocks the next: whatever reconnects through it cannot.
   */
  refuseNewTunnels(): void {
    this.refusing = true;
  }

  /** Closes every tunnel at once (the connections drop; new ones are let through). */
  drop(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  private forward(from: Socket, to: Socket, filter?: RtpLossFilter): void {
    from.on('data', (received: Buffer) => {
      const chunk = filter ? filter.filter(received) : received;
      if (chunk.length === 0) return;
      if (this.isCut) this.stalled.push({ to, chunk });
      else to.write(chunk);
    });
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  }

  private accept(client: Socket): void {
    this.track(client);
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > MAX_HEAD_BYTES) client.destroy();
        return;
      }
      client.off('data', onData);
      client.pause();
      const request = head.toString('latin1');
      const tunnelTarget = /^CONNECT ([^\s:]+):(\d+) HTTP\/1\.[01]\r\n/.exec(request);
      // Plain HTTP (LiveKit's health check and validation on the devstack's http://): the request
      // goes on as it came, in absolute form, which HTTP servers accept. Only LiveKit is proxied.
      const plainTarget = /^[A-Z]+ http:\/\/([^\s/:]+)(?::(\d+))?\S* HTTP\/1\.[01]\r\n/.exec(request);
      const target = tunnelTarget ?? plainTarget;
      if (!target) {
        client.end('HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\n\r\n');
        return;
      }
      if (this.refusing) {
        client.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        return;
      }
      const open = tunnelTarget
        ? () => this.tunnel(client, target[1]!, Number(target[2]), head.subarray(end + 4), true)
        : () => this.tunnel(client, target[1]!, Number(target[2] ?? 80), head, false);
      if (this.isCut) this.held.push(open);
      else open();
    };
    client.on('data', onData);
  }

  /**
   * Joins `client` to `host:port`: a CONNECT tunnel (`established`, answered as such, its RTP
   * subject to loseSentRtp) or a plain HTTP request passed on from its first byte (`rest`).
   */
  private tunnel(client: Socket, host: string, port: number, rest: Buffer, established: boolean): void {
    const upstream = connect(port, host);
    this.track(upstream);
    upstream.once('connect', () => {
      let loss: RtpLossFilter | undefined;
      if (established) {
        this.tunnelsOpened += 1;
        client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        loss = new RtpLossFilter(() => this.sentRtpLoss);
        this.lossFilters.push(loss);
      }
      if (rest.length > 0) upstream.write(loss ? loss.filter(rest) : rest);
      this.forward(client, upstream, loss);
      this.forward(upstream, client);
      client.resume();
    });
    upstream.once('close', () => client.destroy());
    client.once('close', () => upstream.destroy());
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
