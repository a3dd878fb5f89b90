// One address for several LiveKit nodes, as a deployment's load balancer gives: each incoming TCP
// connection (signalling WebSocket, room service call) goes to the next node in turn, and to the
// one after when a node refuses it (a dead node is skipped without the client noticing).
import { connect, createServer, type Server, type Socket } from 'node:net';
import { freeTcpPort, LOOPBACK_HOST } from './free-port';

export class TcpFront {
  private next = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly backends: () => number[],
  ) {}

  /** Listens on a free loopback port; `backends` lists the node ports to use, read at each connection. */
  static async start(backends: () => number[]): Promise<TcpFront> {
    const port = await freeTcpPort();
    const accepting: { front?: TcpFront } = {};
    const server = createServer((client) => accepting.front?.accept(client));
    const front = new TcpFront(server, port, backends);
    accepting.front = front;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, LOOPBACK_HOST, () => resolve());
    });
    return front;
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  private accept(client: Socket): void {
    this.track(client);
    client.pause();
    const ports = this.backends();
    const start = this.next++;
    const tryBackend = (offset: number) => {
      if (offset >= ports.length || client.destroyed) {
        client.destroy();
        return;
      }
      const upstream = connect(ports[(start + offset) % ports.length]!, LOOPBACK_HOST);
      let connected = false;
      upstream.on('error', () => {
        if (connected) client.destroy();
        else tryBackend(offset + 1);
      });
      upstream.once('connect', () => {
        connected = true;
        this.track(upstream);
        client.on('error', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.once('close', () => upstream.destroy());
        upstream.once('close', () => client.destroy());
        client.resume();
      });
    };
    tryBackend(0);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
