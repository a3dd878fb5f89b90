// Records everything the app contacts, for the sovereignty test: the renderer's requests and
// WebSockets, the ICE servers handed to every RTCPeerConnection, and the main process's API
// calls (the Node transport with a recording fetch). Nothing recorded may actually leave this
// machine: requests to any non-loopback host are aborted before they are sent.
import type { BrowserContext, Page } from '@playwright/test';
import { isLoopbackHost } from '../common/profile';
import type { RecordedContact } from '../main/policy/sovereignty-check';

function leavesThisMachine(url: URL): boolean {
  return (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') &&
    !isLoopbackHost(url.hostname);
}

/** Starts recording a browser context; call before the app's page is loaded. */
export async function recordRenderer(context: BrowserContext, page: Page, contacts: RecordedContact[]): Promise<void> {
  context.on('request', (request) => contacts.push({ channel: 'renderer', url: request.url() }));
  page.on('websocket', (socket) => contacts.push({ channel: 'websocket', url: socket.url() }));
  await context.route(leavesThisMachine, (route) => route.abort('blockedbyclient'));
  await context.routeWebSocket(leavesThisMachine, (socket) => {
    contacts.push({ channel: 'websocket', url: socket.url() });
    void socket.close();
  });
  await page.addInitScript(() => {
    const recorded: string[] = [];
    const probe = window as unknown as { __visioIceUrls: string[]; __visioPeerConnections: number };
    probe.__visioIceUrls = recorded;
    probe.__visioPeerConnections = 0;
    const record = (configuration?: RTCConfiguration) => {
      for (const server of configuration?.iceServers ?? []) {
        for (const url of Array.isArray(server.urls) ? server.urls : [server.urls]) recorded.push(url);
      }
    };
    const Original = window.RTCPeerConnection;
    class Recorded extends Original {
      constructor(configuration?: RTCConfiguration) {
        record(configuration);
        super(configuration);
        probe.__visioPeerConnections += 1;
      }
      override setConfiguration(configuration?: RTCConfiguration): void {
        record(configuration);
        super.setConfiguration(configuration);
      }
    }
    window.RTCPeerConnection = Recorded as typeof RTCPeerConnection;
  });
}

/** The ICE server URLs the page's peer connections were given so far. */
export async function recordedIceUrls(page: Page): Promise<RecordedContact[]> {
  const urls = await page.evaluate(() => (window as unknown as { __visioIceUrls?: string[] }).__visioIceUrls ?? []);
  return urls.map((url) => ({ channel: 'ice', url }));
}

/** How many RTCPeerConnections the page created: the ICE record means nothing without one. */
export function peerConnectionCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __visioPeerConnections?: number }).__visioPeerConnections ?? 0);
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
