// Answers every `getDisplayMedia` of the app window. livekit-client's `setScreenShareEnabled(true)`
// stays unchanged: Electron hands each request here, the renderer shows our picker, and the
// renderer's `capture:choose` settles the request it was asked about. A request that is never
// answered would leave `getDisplayMedia` hanging forever, so every path ends in exactly one settle.
import { fail, ok, type CaptureSource, type InvokeInput, type MainEvents, type Result } from '../../../common/ipc-contract';
import type { CapturePlatform } from './capture-platform';

/** What Electron's callback receives: a source to capture, or nothing (the request is refused). */
export interface DisplayMediaGrant {
  video: { id: string; name: string };
  audio?: 'loopback';
}
export type SettleDisplayMedia = (grant: DisplayMediaGrant | null) => void;

export interface DisplayMediaRequest {
  securityOrigin: string;
  audioRequested: boolean;
}

export type ScreenAccess = 'granted' | 'denied' | 'restricted' | 'not-determined' | 'unknown';

export interface DisplayMediaPorts {
  platform: CapturePlatform;
  /** Screens and windows with thumbnails; on Wayland this is where the xdg portal asks the user. */
  listSources(): Promise<CaptureSource[]>;
  /** The capture ids of our own windows (`BrowserWindow.getMediaSourceId()`), never offered. */
  ownWindowSourceIds(): readonly string[];
  isTrustedOrigin(origin: string): boolean;
  /** Whether the profile lets a share carry the computer's sound. */
  shareAudioAllowed(): boolean;
  /** macOS screen-recording permission; other systems answer `granted`. */
  screenAccess(): ScreenAccess;
  /** Tells the user why sharing cannot start and opens the System Settings pane. */
  explainScreenAccessDenied(): void;
  sendToRenderer<E extends 'event:capture-request' | 'event:capture-cancelled'>(event: E, payload: MainEvents[E]): void;
  newRequestId(): string;
  setTimer(callback: () => void, milliseconds: number): unknown;
  clearTimer(timer: unknown): void;
}

export const pickerTimeoutMilliseconds = 120_000;

interface PendingRequest {
  settle: SettleDisplayMedia;
  offered: Map<string, CaptureSource>;
  audioAvailable: boolean;
  timer: unknown;
}

export type CancelReason = 'window-closed' | 'timeout' | 'shutdown';

export class DisplayMediaRegistry {
  private readonly pending = new Map<string, PendingRequest>();

  constructor(private readonly ports: DisplayMediaPorts) {}

  pendingCount(): number {
    return this.pending.size;
  }

  /** Electron's display-media handler: settles now (refusal, Wayland) or once the renderer chose. */
  async handleRequest(request: DisplayMediaRequest, settle: SettleDisplayMedia): Promise<void> {
    const settleOnce = onlyOnce(settle);
    if (!this.ports.isTrustedOrigin(request.securityOrigin)) return settleOnce(null);
    const access = this.ports.screenAccess();
    if (access === 'denied' || access === 'restricted') {
      this.ports.explainScreenAccessDenied();
      return settleOnce(null);
    }
    let sources: CaptureSource[];
    try {
      sources = await this.ports.listSources();
    } catch {
      return settleOnce(null);
    }
    const own = new Set(this.ports.ownWindowSourceIds());
    const offered = sources.filter((source) => !own.has(source.id));

    if (this.ports.platform.usesPortalPicker) {
      // The portal already asked the user and returns only what they picked: showing our picker
      // as well would make them choose twice. An empty answer means they cancelled.
      const picked = offered[0];
      return settleOnce(picked ? { video: { id: picked.id, name: picked.name } } : null);
    }
    if (offered.length === 0) return settleOnce(null);

    const requestId = this.ports.newRequestId();
    const audioAvailable =
      request.audioRequested && this.ports.platform.loopbackAudio && this.ports.shareAudioAllowed();
    const timer = this.ports.setTimer(() => this.cancel(requestId, 'timeout'), pickerTimeoutMilliseconds);
    this.pending.set(requestId, {
      settle: settleOnce,
      offered: new Map(offered.map((source) => [source.id, source])),
      audioAvailable,
      timer,
    });
    this.ports.sendToRenderer('event:capture-request', { requestId, sources: offered, audioAvailable });
  }

  /** The renderer's `capture:choose`: a source offered for this very request, or null to cancel. */
  choose(choice: InvokeInput<'capture:choose'>): Result<null> {
    const request = this.pending.get(choice.requestId);
    if (!request) return fail('not_found', undefined, 'no pending capture request with this id');
    if (choice.sourceId === null) {
      this.finish(choice.requestId, request, null);
      return ok(null);
    }
    const source = request.offered.get(choice.sourceId);
    if (!source) return fail('invalid_input', undefined, 'source was not offered for this request');
    if (choice.audio && !request.audioAvailable) {
      return fail('invalid_input', undefined, 'sound was not offered for this request');
    }
    this.finish(choice.requestId, request, {
      video: { id: source.id, name: source.name },
      ...(choice.audio ? { audio: 'loopback' as const } : {}),
    });
    return ok(null);
  }

  cancel(requestId: string, _reason: CancelReason): void {
    const request = this.pending.get(requestId);
    if (!request) return;
    this.finish(requestId, request, null);
    this.ports.sendToRenderer('event:capture-cancelled', { requestId });
  }

  /** The window closed or the app quits: nobody is left to answer, refuse them all. */
  cancelAll(reason: CancelReason): void {
    for (const requestId of [...this.pending.keys()]) this.cancel(requestId, reason);
  }

  private finish(requestId: string, request: PendingRequest, grant: DisplayMediaGrant | null): void {
    this.pending.delete(requestId);
    this.ports.clearTimer(request.timer);
    request.settle(grant);
  }
}

function onlyOnce(settle: SettleDisplayMedia): SettleDisplayMedia {
  let settled = false;
  return (grant) => {
    if (settled) return;
    settled = true;
    settle(grant);
  };
}
