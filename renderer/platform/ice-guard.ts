// Every RTCPeerConnection the page creates gets only the ICE servers (STUN, TURN) on hosts the
// ministry configured. A LiveKit server left without STUN servers hands out Google's and
// Twilio's; ICE traffic leaves from the WebRTC stack, where no request filter or content security
// policy sees it, so the server list is filtered where it enters that stack: the constructor and
// `setConfiguration` (livekit-client creates its peer connections before the join answer and
// hands them the server's list through `setConfiguration`).
//
// Installed first thing at start-up, before any call: until the allowed hosts are known every
// ICE server is dropped. It guards the page's own libraries against what servers hand out; the
// page runs no third-party script, and a same-origin frame (the app creates none) would have a
// constructor of its own.
import { filterIceServers } from '../../common/ice-servers';

type PeerConnectionConstructor = typeof RTCPeerConnection;

export interface IceGuardScope {
  RTCPeerConnection?: PeerConnectionConstructor;
  /** Chromium's older name for the same constructor. */
  webkitRTCPeerConnection?: PeerConnectionConstructor;
}

export interface IceGuard {
  /** The profile's host patterns (`app:info`); replaces the previous profile's. */
  setProfileHosts(hosts: readonly string[]): void;
  /** A host the instance itself named for calls (the LiveKit server of a room answer). */
  allowHost(host: string): void;
  allowedHosts(): string[];
  /** A configuration as the WebRTC stack gets it: only ICE servers on the allowed hosts. */
  guardConfiguration(configuration: unknown): unknown;
}

export function createIceGuard(): IceGuard {
  let profileHosts: string[] = [];
  const learnedHosts = new Set<string>();
  const allowedHosts = () => [...profileHosts, ...learnedHosts];
  return {
    setProfileHosts(hosts) {
      profileHosts = [...hosts];
    },
    allowHost(host) {
      if (host) learnedHosts.add(host.toLowerCase());
    },
    allowedHosts,
    guardConfiguration(configuration) {
      // Anything but an object (or a function, which WebIDL also reads as a dictionary) is
      // either "no configuration" or rejected by the constructor itself.
      if (configuration === null || (typeof configuration !== 'object' && typeof configuration !== 'function')) {
        return configuration;
      }
      // A plain copy whose `iceServers` (read once, own or inherited) is always the filtered list:
      // the stack reads that copy, never the caller's object again.
      const copy: Record<string, unknown> = { ...(configuration as object) };
      const iceServers = Object.hasOwn(copy, 'iceServers') ? copy.iceServers : (configuration as { iceServers?: unknown }).iceServers;
      copy.iceServers = filterIceServers(iceServers, allowedHosts());
      return copy;
    },
  };
}

const guardedConstructors = new WeakMap<object, PeerConnectionConstructor>();
const guardedMethods = new WeakSet<object>();

function guardSetConfiguration(prototype: RTCPeerConnection, guard: IceGuard): void {
  const descriptor = Object.getOwnPropertyDescriptor(prototype, 'setConfiguration');
  const original: unknown = descriptor?.value ?? prototype.setConfiguration;
  if (typeof original !== 'function' || guardedMethods.has(original)) return;
  const setConfiguration = function (this: RTCPeerConnection, configuration?: RTCConfiguration, ...rest: unknown[]) {
    return (original as (...args: unknown[]) => unknown).call(this, guard.guardConfiguration(configuration), ...rest);
  };
  guardedMethods.add(setConfiguration);
  Object.defineProperty(prototype, 'setConfiguration', {
    value: setConfiguration,
    writable: descriptor?.writable ?? true,
    enumerable: descriptor?.enumerable ?? false,
    configurable: true,
  });
}

/**
 * Replaces the scope's RTCPeerConnection constructors with guarded ones and guards
 * `setConfiguration`. The replacement is a Proxy of the original: same prototype, same static
 * methods, `instanceof` and subclasses work, only the configuration argument changes.
 */
export function installIceGuard(scope: IceGuardScope, guard: IceGuard): void {
  for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection'] as const) {
    const current = scope[name];
    if (typeof current !== 'function') continue;
    const alreadyGuarded = guardedConstructors.get(current);
    if (alreadyGuarded) {
      scope[name] = alreadyGuarded;
      continue;
    }
    guardSetConfiguration(current.prototype, guard);
    const guarded = new Proxy(current, {
      construct(target, args: unknown[], newTarget: PeerConnectionConstructor) {
        const [configuration, ...rest] = args;
        return Reflect.construct(target as new (...values: unknown[]) => object, [guard.guardConfiguration(configuration), ...rest], newTarget);
      },
    });
    guardedConstructors.set(current, guarded);
    guardedConstructors.set(guarded, guarded);
    scope[name] = guarded;
  }
}

/** The page's guard: the interface feeds it the profile's hosts and the LiveKit hosts it is given. */
export const pageIceGuard = createIceGuard();

/** Guards the page's RTCPeerConnection; call before anything can create one. */
export function installPageIceGuard(): void {
  installIceGuard(window as unknown as IceGuardScope, pageIceGuard);
}

/** Allows the host of a LiveKit URL the instance handed out (browser variant). */
export function allowLivekitHost(url: string): void {
  try {
    const { protocol, hostname } = new URL(url);
    if (['ws:', 'wss:', 'http:', 'https:'].includes(protocol) && hostname) pageIceGuard.allowHost(hostname);
  } catch {
    // Not a URL: nothing to allow.
  }
}
