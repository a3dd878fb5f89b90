// Records everything the app contacts, for the sovereignty test: the renderer's requests and
// WebSockets, the ICE servers handed to every RTCPeerConnection, and the main process's API
// calls (the Node transport with a recording fetch). Nothing recorded may actually leave this
// machine: requests to any non-loopback host are aborted before they are sent.
//
// The ICE record wraps the browser's own RTCPeerConnection before the app loads, so it sees what
// reaches the WebRTC stack, after the app's ICE guard (which wraps whatever constructor it finds).
// What the LiveKit server handed out is read from its signalling messages.
import { SignalResponse } from '@livekit/protocol';
import type { BrowserContext, Page } from '@playwright/test';
import { isLoopbackHost } from '../common/host-patterns';
import type { RecordedContact } from '../main/policy/sovereignty-check';

function leavesThisMachine(url: URL): boolean {
  return (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') &&
    !isLoopbackHost(url.hostname);
}

interface RecorderProbe {
  __visioIceUrls: string[];
  __visioRecordedPeerConnections: RTCPeerConnection[];
  /** The recording constructor, beneath the app's ICE guard. */
  __visioUnguardedPeerConnection: typeof RTCPeerConnection;
}

export interface RecorderOptions {
  /**
   * Every peer connection may only use relayed candidates (`iceTransportPolicy: 'relay'`), as on
   * a network where only a TURN server gets through: the call connects only through one.
   */
  relayOnly?: boolean;
}

/** Starts recording a browser context; call before the app's page is loaded. */
export async function recordRenderer(
  context: BrowserContext,
  page: Page,
  contacts: RecordedContact[],
  options: RecorderOptions = {},
): Promise<void> {
  context.on('request', (request) => contacts.push({ channel: 'renderer', url: request.url() }));
  page.on('websocket', (socket) => contacts.push({ channel: 'websocket', url: socket.url() }));
  await context.route(leavesThisMachine, (route) => route.abort('blockedbyclient'));
  await context.routeWebSocket(leavesThisMachine, (socket) => {
    contacts.push({ channel: 'websocket', url: socket.url() });
    void socket.close();
  });
  await page.addInitScript(({ relayOnly }) => {
    const recorded: string[] = [];
    const connections: RTCPeerConnection[] = [];
    const probe = window as unknown as RecorderProbe;
    probe.__visioIceUrls = recorded;
    probe.__visioRecordedPeerConnections = connections;
    const record = (configuration?: RTCConfiguration): RTCConfiguration | undefined => {
      for (const server of configuration?.iceServers ?? []) {
        for (const url of Array.isArray(server.urls) ? server.urls : [server.urls]) recorded.push(url);
      }
      return relayOnly ? { ...configuration, iceTransportPolicy: 'relay' } : configuration;
    };
    const Original = window.RTCPeerConnection;
    class Recorded extends Original {
      constructor(configuration?: RTCConfiguration) {
        super(record(configuration));
        connections.push(this);
      }
      override setConfiguration(configuration?: RTCConfiguration): void {
        super.setConfiguration(record(configuration));
      }
    }
    window.RTCPeerConnection = Recorded as typeof RTCPeerConnection;
    probe.__visioUnguardedPeerConnection = Recorded as typeof RTCPeerConnection;
  }, { relayOnly: options.relayOnly ?? false });
}

/**
 * The ICE server URLs the LiveKit server handed out (join and reconnect answers on its signalling
 * WebSocket), as they arrive; call before the page connects.
 */
export function recordHandedOutIceUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on('websocket', (socket) => {
    if (!new URL(socket.url()).pathname.startsWith('/rtc')) return;
    socket.on('framereceived', ({ payload }) => {
      if (typeof payload === 'string') return;
      let response: SignalResponse;
      try {
        response = SignalResponse.fromBinary(new Uint8Array(payload));
      } catch {
        return;
      }
      const { message } = response;
      if (message.case === 'join' || message.case === 'reconnect') {
        for (const server of message.value.iceServers) urls.push(...server.urls);
      }
    });
  });
  return urls;
}

/** The ICE server URLs each peer connection of the page holds now (`getConfiguration()`). */
export function configuredIceUrls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    ((window as unknown as Partial<RecorderProbe>).__visioRecordedPeerConnections ?? []).flatMap((connection) =>
      (connection.getConfiguration().iceServers ?? []).flatMap((server) => (Array.isArray(server.urls) ? server.urls : [server.urls])),
    ),
  );
}

export interface SelectedPath {
  connectionState: RTCPeerConnectionState;
  /** `host`, `srflx`, `prflx` or `relay`. */
  localCandidateType: string | null;
  /** For a relayed candidate, the TURN server URL it was allocated on. */
  relayUrl: string | null;
}

/** The candidate pair each connected peer connection of the page carries its media on. */
export function selectedPaths(page: Page): Promise<SelectedPath[]> {
  return page.evaluate(async () => {
    const paths: SelectedPath[] = [];
    for (const connection of (window as unknown as Partial<RecorderProbe>).__visioRecordedPeerConnections ?? []) {
      if (connection.connectionState !== 'connected') continue;
      const entries = new Map<string, Record<string, unknown>>();
      (await connection.getStats()).forEach((entry: Record<string, unknown>) => entries.set(entry.id as string, entry));
      const transport = [...entries.values()].find((entry) => entry.type === 'transport' && entry.selectedCandidatePairId);
      const pair = transport ? entries.get(transport.selectedCandidatePairId as string) : undefined;
      const local = pair ? entries.get(pair.localCandidateId as string) : undefined;
      paths.push({
        connectionState: connection.connectionState,
        localCandidateType: (local?.candidateType as string | undefined) ?? null,
        relayUrl: (local?.url as string | undefined) ?? null,
      });
    }
    return paths;
  });
}

/** The ICE server URLs the page's peer connections were given so far. */
export async function recordedIceUrls(page: Page): Promise<RecordedContact[]> {
  const urls = await page.evaluate(() => (window as unknown as { __visioIceUrls?: string[] }).__visioIceUrls ?? []);
  return urls.map((url) => ({ channel: 'ice', url }));
}

/** How many RTCPeerConnections the page created: the ICE record means nothing without one. */
export function peerConnectionCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as Partial<RecorderProbe>).__visioRecordedPeerConnections?.length ?? 0);
}

/** A fetch for the main-process transport that records every URL and never lets one leave the machine. */
export function recordingFetch(contacts: RecordedContact[]): typeof fetch {
  return (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    contacts.push({ channel: 'main', url });
    if (leavesThisMachine(new URL(url))) return Promise.reject(new Error(`blocked before leaving the machine: ${url}`));
    return fetch(input, init);
  };
}
