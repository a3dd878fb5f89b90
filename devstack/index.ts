// The local sovereign backend for `npm start` and every test: a real LiveKit server, a real
// OpenID Connect provider and a LaSuite-Meet-compatible API, all on 127.0.0.1 and free ports.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeTcpPort, LOOPBACK_HOST } from './free-port';
import { startLivekitDeployment } from './livekit-cluster';
import { API_PREFIX, meetApiOidcPaths, startMeetApi, type DevstackTelephony, type MeetApi } from './meet-api';
import { DEFAULT_MEET_SETTINGS, type MeetSettings } from './meet-settings';
import { startIdentityProvider, TEST_USERS, type IdentityProvider } from './oidc';
import { JsonStore } from './store';

export { TEST_USER, SECOND_TEST_USER, NEW_TEST_USER, TEST_USERS } from './oidc';
export type { DevstackTelephony } from './meet-api';
export { CAPTURE_A_SETTINGS, CAPTURE_B_SETTINGS, DEFAULT_MEET_SETTINGS, type MeetSettings } from './meet-settings';

export interface DevstackOptions {
  /** Where users, rooms and sessions persist; a fresh temp folder (removed on stop) when omitted. */
  dataDir?: string;
  /** Built web app served at the API's origin (e.g. `dist/renderer`). */
  webRoot?: string;
  /** Origins besides the API's own allowed as a login `returnTo` and as the `Origin` of unsafe calls. */
  allowedReturnOrigins?: string[];
  /**
   * LiveKit also hands out Google's and Twilio's STUN servers and a foreign TURN server, as a
   * server left with LiveKit's defaults does: for the tests proving the app never uses them.
   */
  foreignIceServers?: boolean;
  /**
   * Dial-in by phone, as an instance with Meet's SIP telephony announces it: `config/` gives the
   * number and every room gets a PIN. On by default with DEFAULT_TELEPHONY; `false` turns it off.
   */
  telephony?: DevstackTelephony | false;
  /** Server settings that change the API's answers (unregistered rooms, recorder, ...); see MeetSettings. */
  settings?: Partial<MeetSettings>;
  /**
   * LiveKit nodes (1 to 3). From 2, they share rooms through a Redis server started with the stack
   * (Debian's redis-server) and are reached through one TCP front, as in a real deployment.
   */
  livekitNodes?: number;
}

/** A number of the range France keeps for fiction (01 99 00 xx xx): plausible, never anyone's. */
export const DEFAULT_TELEPHONY: DevstackTelephony = { defaultCountry: 'FR', internationalPhoneNumber: '+33 1 99 00 12 34' };

export interface DevstackUser {
  email: string;
  password: string;
  fullName: string;
}

export interface Devstack {
  /** `http://127.0.0.1:PORT`: the instance (web app + API). */
  origin: string;
  /** `origin + '/api/v1.0/'`. */
  apiBaseUrl: string;
  /** `ws://127.0.0.1:PORT`, as handed out by `config/`. */
  livekitUrl: string;
  /** `http://127.0.0.1:PORT`, for server SDK calls. */
  livekitHttpUrl: string;
  /** The identity provider's issuer URL. */
  issuer: string;
  apiKey: string;
  apiSecret: string;
  /**
   * Accounts that can log in on the provider's form: two returning users (preferences set),
   * then one who has never logged in (null preferences at first login).
   */
  users: DevstackUser[];
  /** The API's server settings, read at every request: change them to switch behaviour. */
  settings: MeetSettings;
  /** Stops the LiveKit server (ports and keys kept). */
  stopLivekit(): Promise<void>;
  /** Starts the LiveKit server again on the same ports and keys. */
  startLivekit(): Promise<void>;
  /** Kills (SIGKILL) every LiveKit node, as a crash would; `startLivekit()` brings them back. */
  killLivekit(): Promise<void>;
  /** LiveKit nodes running behind `livekitUrl`. */
  livekitNodeCount: number;
  /**
   * With several nodes: kills (SIGKILL) the node hosting a LiveKit room (a Meet room's id), as a
   * machine dying would; resolves with its node id. `startLivekit()` brings it back.
   */
  killLivekitNodeHosting(roomName: string): Promise<string>;
  /** Stops everything; the temp data folder, if one was made, is removed. */
  stop(): Promise<void>;
}

/** Starts LiveKit, the identity provider and the Meet API; resolves once all three answer. */
export async function startDevstack(options: DevstackOptions = {}): Promise<Devstack> {
  const temporaryDataDir = options.dataDir ? undefined : await mkdtemp(join(tmpdir(), 'visio-devstack-'));
  const dataDir = options.dataDir ?? (temporaryDataDir as string);
  const store = new JsonStore(dataDir);
  const [apiPort, providerPort] = [await freeTcpPort(), await freeTcpPort()];
  const origin = `http://${LOOPBACK_HOST}:${apiPort}`;
  const clientId = 'meet';
  const clientSecret = randomBytes(24).toString('hex');

  const settings: MeetSettings = { ...DEFAULT_MEET_SETTINGS, ...options.settings };
  const livekit = await startLivekitDeployment({ nodes: options.livekitNodes, foreignIceServers: options.foreignIceServers ?? false });
  let provider: IdentityProvider | undefined;
  let api: MeetApi | undefined;
  try {
    const oidcPaths = meetApiOidcPaths(origin);
    provider = await startIdentityProvider({
      port: providerPort,
      clientId,
      clientSecret,
      redirectUris: [oidcPaths.redirectUri],
      postLogoutRedirectUris: [oidcPaths.postLogoutRedirectUri],
    });
    api = await startMeetApi({
      port: apiPort,
      store,
      livekit: { url: livekit.url, httpUrl: livekit.httpUrl, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret },
      oidc: { issuer: provider.issuer, clientId, clientSecret },
      webRoot: options.webRoot,
      allowedOrigins: options.allowedReturnOrigins,
      telephony: options.telephony === false ? undefined : (options.telephony ?? DEFAULT_TELEPHONY),
      settings,
      storageDir: join(dataDir, 'media-storage'),
    });
  } catch (error) {
    await provider?.stop();
    await livekit.stop();
    throw error;
  }
  const startedProvider = provider;
  const startedApi = api;

  let stopped: Promise<void> | undefined;
  return {
    origin,
    apiBaseUrl: `${origin}${API_PREFIX}`,
    livekitUrl: livekit.url,
    livekitHttpUrl: livekit.httpUrl,
    issuer: startedProvider.issuer,
    apiKey: livekit.apiKey,
    apiSecret: livekit.apiSecret,
    settings,
    users: TEST_USERS.map((user) => ({
      email: user.email,
      password: user.password,
      fullName: `${user.givenName} ${user.familyName}`,
    })),
    stopLivekit: () => livekit.stopAll(),
    startLivekit: () => livekit.startAll(),
    killLivekit: () => livekit.killAll(),
    livekitNodeCount: livekit.nodeCount,
    killLivekitNodeHosting: (roomName) => livekit.killNodeHosting(roomName),
    stop: () => {
      stopped ??= (async () => {
        await Promise.allSettled([startedApi.stop(), startedProvider.stop(), livekit.stop()]);
        if (temporaryDataDir) await rm(temporaryDataDir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}
