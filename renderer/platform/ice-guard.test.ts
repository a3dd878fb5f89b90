import { describe, expect, it } from 'vitest';
import { allowLivekitHost, createIceGuard, installIceGuard, pageIceGuard, type IceGuardScope } from './ice-guard';

const GOOGLE = 'stun:stun.l.google.com:19302';
const TWILIO = 'turn:global.turn.twilio.com:3478?transport=udp';
const OWN_TURN = 'turn:turn.ministere.gouv.fr:3478?transport=udp';

/** Stands for the browser's RTCPeerConnection: keeps what it is given, as the WebRTC stack would. */
function fakePeerConnectionClass() {
  return class FakePeerConnection {
    static generateCertificate() {
      return 'certificate';
    }
    configuration: unknown;
    constraints: unknown;
    constructor(configuration?: unknown, constraints?: unknown) {
      this.configuration = configuration;
      this.constraints = constraints;
    }
    setConfiguration(configuration?: unknown) {
      this.configuration = configuration;
    }
  };
}

type Fake = InstanceType<ReturnType<typeof fakePeerConnectionClass>>;
type FakeConstructor = new (configuration?: unknown, constraints?: unknown) => Fake;

function guardedScope(hosts: string[] = ['turn.ministere.gouv.fr']) {
  const Original = fakePeerConnectionClass();
  const scope = { RTCPeerConnection: Original, webkitRTCPeerConnection: Original } as unknown as IceGuardScope;
  const guard = createIceGuard();
  guard.setProfileHosts(hosts);
  installIceGuard(scope, guard);
  const Guarded = scope.RTCPeerConnection as unknown as FakeConstructor;
  return { Original, scope, guard, Guarded };
}

const servers = [
  { urls: [GOOGLE, 'stun:turn.ministere.gouv.fr:3478'] },
  { urls: OWN_TURN, username: 'u', credential: 'c' },
  { urls: TWILIO, username: 'u', credential: 'c' },
];

describe('the ICE guard', () => {
  it('hands the constructor only the servers on allowed hosts, the rest of the configuration untouched', () => {
    const { Guarded } = guardedScope();
    const connection = new Guarded({ iceServers: servers, iceTransportPolicy: 'relay', bundlePolicy: 'max-bundle' }, { optional: [] });
    expect(connection.configuration).toEqual({
      iceServers: [{ urls: ['stun:turn.ministere.gouv.fr:3478'] }, { urls: [OWN_TURN], username: 'u', credential: 'c' }],
      iceTransportPolicy: 'relay',
      bundlePolicy: 'max-bundle',
    });
    expect(connection.constraints).toEqual({ optional: [] });
  });

  it('filters setConfiguration, also on connections made from the original constructor', () => {
    const { Original, Guarded } = guardedScope();
    const guarded = new Guarded();
    guarded.setConfiguration({ iceServers: servers });
    expect(guarded.configuration).toEqual({
      iceServers: [{ urls: ['stun:turn.ministere.gouv.fr:3478'] }, { urls: [OWN_TURN], username: 'u', credential: 'c' }],
    });
    const direct = new Original();
    direct.setConfiguration({ iceServers: [{ urls: GOOGLE }] });
    expect(direct.configuration).toEqual({ iceServers: [] });
  });

  it('drops every server until the allowed hosts are known', () => {
    const { Guarded } = guardedScope([]);
    expect(new Guarded({ iceServers: servers }).configuration).toEqual({ iceServers: [] });
  });

  it('follows the profile hosts and keeps the LiveKit hosts it learnt', () => {
    const { guard, Guarded } = guardedScope([]);
    guard.allowHost('LiveKit.Ministere.gouv.fr');
    guard.setProfileHosts(['turn.ministere.gouv.fr']);
    const configuration = { iceServers: [{ urls: ['stun:livekit.ministere.gouv.fr:3478', GOOGLE] }, { urls: OWN_TURN, username: 'u', credential: 'c' }] };
    expect((new Guarded(configuration).configuration as RTCConfiguration).iceServers).toHaveLength(2);
    guard.setProfileHosts([]);
    expect(new Guarded(configuration).configuration).toEqual({ iceServers: [{ urls: ['stun:livekit.ministere.gouv.fr:3478'] }] });
  });

  it('keeps the constructor a constructor: prototype, statics, instanceof and subclasses', () => {
    const { Original, Guarded, scope } = guardedScope();
    expect(Guarded).not.toBe(Original);
    expect(Guarded.prototype).toBe(Original.prototype);
    expect((Guarded as unknown as typeof Original).generateCertificate()).toBe('certificate');
    const connection = new Guarded();
    expect(connection).toBeInstanceOf(Guarded);
    expect(connection).toBeInstanceOf(Original);
    class Subclass extends Guarded {}
    const child = new Subclass({ iceServers: [{ urls: GOOGLE }] });
    expect(child).toBeInstanceOf(Subclass);
    expect(child.configuration).toEqual({ iceServers: [] });
    expect(scope.webkitRTCPeerConnection).toBe(scope.RTCPeerConnection);
  });

  it('wraps once however often it is installed', () => {
    const { scope, guard, Guarded } = guardedScope();
    const setConfiguration = Guarded.prototype.setConfiguration;
    installIceGuard(scope, guard);
    expect(scope.RTCPeerConnection).toBe(Guarded);
    expect(Guarded.prototype.setConfiguration).toBe(setConfiguration);
  });

  it('reads iceServers through any object WebIDL would read a dictionary from', () => {
    const { Guarded } = guardedScope();
    const inherited = Object.create({ iceServers: [{ urls: GOOGLE }] }) as object;
    expect(new Guarded(inherited).configuration).toEqual({ iceServers: [] });
    const callable = Object.assign(() => undefined, { iceServers: [{ urls: TWILIO, username: 'u', credential: 'c' }] });
    expect(new Guarded(callable).configuration).toEqual({ iceServers: [] });
    let reads = 0;
    const changing = {
      get iceServers() {
        reads += 1;
        return reads === 1 ? [{ urls: OWN_TURN, username: 'u', credential: 'c' }] : [{ urls: GOOGLE }];
      },
    };
    expect(new Guarded(changing).configuration).toEqual({ iceServers: [{ urls: [OWN_TURN], username: 'u', credential: 'c' }] });
    expect(reads).toBe(1);
  });

  it('leaves a missing configuration to the constructor (no ICE server)', () => {
    const { Guarded } = guardedScope();
    expect(new Guarded().configuration).toBeUndefined();
    expect(new Guarded(null).configuration).toBeNull();
  });

  it('skips a scope without RTCPeerConnection', () => {
    const scope: IceGuardScope = {};
    installIceGuard(scope, createIceGuard());
    expect(scope).toEqual({});
  });
});

describe('allowLivekitHost', () => {
  it('allows the host of a LiveKit URL, and nothing for other URLs', () => {
    allowLivekitHost('wss://livekit.instance.gouv.fr/rtc?access_token=x');
    allowLivekitHost('http://127.0.0.1:7880');
    allowLivekitHost('javascript:alert(1)');
    allowLivekitHost('not a url');
    expect(pageIceGuard.allowedHosts()).toEqual(['livekit.instance.gouv.fr', '127.0.0.1']);
  });
});
