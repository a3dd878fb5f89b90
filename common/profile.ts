// A ministry deployment profile: which LaSuite Meet instance the app talks to, which hosts it
// may reach, how it updates, how it looks. The fields added after the first version are optional
// so that a profile written by hand stays short; `profileDefaults` gives their effective values.
import { z } from 'zod';
import { chatFilesPolicySchema, defaultChatFilesPolicy } from './chat-files';
import { allowedHostsOf, isLoopbackHost } from './host-patterns';
import { isIceUrlAllowed, parseIceUrl } from './ice-servers';
import { languageSchema } from './languages';

export { languageSchema, type Language } from './languages';

function isHttpsOrLoopback(value: string, secureProtocol: string, plainProtocol: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === secureProtocol || (url.protocol === plainProtocol && isLoopbackHost(url.hostname));
}

const httpsOrLoopbackUrl = z
  .string()
  .max(2048)
  .url()
  .refine((value) => isHttpsOrLoopback(value, 'https:', 'http:'), 'must be https (http only on loopback)');

/** LiveKit signalling: wss (or https, which livekit-client upgrades); ws/http only on loopback. */
const livekitUrl = z
  .string()
  .max(2048)
  .url()
  .refine(
    (value) => isHttpsOrLoopback(value, 'wss:', 'ws:') || isHttpsOrLoopback(value, 'https:', 'http:'),
    'must be wss or https (ws/http only on loopback)',
  );

/** A host name, or `*.domain` for every subdomain of a domain (never the domain itself). */
export const hostPatternSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(/^(\*\.)?([a-z0-9-]+\.)*[a-z0-9-]+$|^\[::1\]$/i, 'must be a host name or *.domain');

const pemCertificate = /^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----\s*$/;
/** A CA certificate: PEM text, or the absolute path of a PEM file on the machine. */
export const certificateAuthoritySchema = z
  .string()
  .max(64 * 1024)
  .refine(
    (value) => pemCertificate.test(value.trim()) || /^(\/|[A-Za-z]:\\)/.test(value),
    'must be a PEM certificate or an absolute path',
  );

export const proxySettingsSchema = z
  .object({
    /** `system`: the OS settings; `direct`: none; `fixed_servers`: `server`; `pac_script`: `pacUrl`. */
    mode: z.enum(['system', 'direct', 'fixed_servers', 'pac_script']),
    /** Chromium proxy rules, e.g. `http://proxy.example.gouv.fr:3128` or `https=p1:443;http=p2:80`. */
    server: z.string().max(1024).optional(),
    /** Hosts reached without the proxy, e.g. `<local>;*.interne.gouv.fr`. */
    bypass: z.string().max(2048).optional(),
    /** https only: a script fetched in the clear could send every request anywhere. */
    pacUrl: z
      .string()
      .max(2048)
      .url()
      .refine((value) => new URL(value).protocol === 'https:', 'must be https')
      .optional(),
  })
  .strict();
export type ProxySettings = z.infer<typeof proxySettingsSchema>;

const iceUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => parseIceUrl(value) !== null, 'must be stun:, stuns:, turn: or turns: host[:port][?transport=udp|tcp]');

/** A STUN or TURN server, as RTCPeerConnection takes it; TURN needs its username and credential. */
export const iceServerSchema = z
  .object({
    urls: z.union([iceUrlSchema, z.array(iceUrlSchema).min(1).max(10)]),
    username: z.string().min(1).max(509).optional(),
    credential: z.string().min(1).max(1024).optional(),
  })
  .strict()
  .refine(
    (server) => {
      const urls = Array.isArray(server.urls) ? server.urls : [server.urls];
      const turn = urls.some((url) => parseIceUrl(url)?.scheme.startsWith('turn'));
      return !turn || (server.username !== undefined && server.credential !== undefined);
    },
    { message: 'a turn: or turns: server needs username and credential', path: ['credential'] },
  );
export type ProfileIceServer = z.infer<typeof iceServerSchema>;

/** The custom issue a profile gets for an ICE server outside its hosts (translated by the loader). */
export const iceServerHostNotAllowed = 'ice_server_host_not_allowed';

export const updateChannelSchema = z.string().regex(/^[a-z][a-z0-9-]{0,30}$/);

export const featureSwitchesSchema = z
  .object({
    screenShareAudio: z.boolean().optional(),
    calendar: z.boolean().optional(),
    subtitles: z.boolean().optional(),
    recording: z.boolean().optional(),
    backgroundEffects: z.boolean().optional(),
    addInstance: z.boolean().optional(),
  })
  .strict();
export type FeatureSwitches = z.infer<typeof featureSwitchesSchema>;

export const profileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/),
    displayName: z.string().min(1).max(80),
    /** `https://<instance>/api/v1.0/` */
    apiBaseUrl: httpsOrLoopbackUrl,
    /** Hosts whose `https://host/<slug>` links open in the app. */
    meetingHosts: z.array(z.string().min(1).max(253)).max(20),
    scheme: z.string().regex(/^[a-z][a-z0-9+.-]{1,30}$/).default('visio'),
    /** Every host the app may contact for this profile (API, LiveKit, IdP, updates, calendar). */
    allowedHosts: z.array(z.string().min(1).max(253)).max(50),
    defaultLanguage: languageSchema.default('fr'),
    /** The LiveKit server, when known before `/config/` is read (its host is then allowed). */
    livekitUrl: livekitUrl.optional(),
    /** The OIDC provider (ProConnect, Keycloak) the login window goes through. */
    identityProviderUrl: httpsOrLoopbackUrl.optional(),
    updates: z
      .object({
        /** Root of the electron-updater `generic` feed (`latest.yml` and the installers). */
        feedUrl: httpsOrLoopbackUrl.optional(),
        channel: updateChannelSchema.optional(),
        enabled: z.boolean().optional(),
      })
      .strict()
      .optional(),
    calendarFeedUrl: httpsOrLoopbackUrl.optional(),
    branding: z
      .object({
        productName: z.string().min(1).max(60).optional(),
        /** PNG, at least 512×512, relative to the profile file. */
        logoPath: z.string().max(512).optional(),
        accentColor: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/)
          .optional(),
      })
      .strict()
      .optional(),
    features: featureSwitchesSchema.optional(),
    /** Files in the chat (sent through LiveKit, never stored by the instance); unset parts keep the defaults. */
    chatFiles: chatFilesPolicySchema.partial().optional(),
    /** The ministry's CA certificates, trusted for this profile's hosts only. */
    certificateAuthorities: z.array(certificateAuthoritySchema).max(20).optional(),
    proxy: proxySettingsSchema.optional(),
    /**
     * STUN/TURN servers the calls use instead of those the LiveKit server hands out, on the
     * profile's hosts only. Absent: the LiveKit server's, minus any on a host the profile omits.
     */
    iceServers: z.array(iceServerSchema).min(1).max(10).optional(),
    /** The instance's `SESSION_COOKIE_NAME` (Django's `sessionid` unless configured, e.g. `meet_sessionid`). */
    sessionCookieName: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/).optional(),
  })
  .strict()
  .superRefine((profile, context) => {
    if (!profile.iceServers) return;
    const allowed = allowedHostsOf(profile);
    profile.iceServers.forEach((server, serverIndex) => {
      const urls = Array.isArray(server.urls) ? server.urls : [server.urls];
      urls.forEach((url, urlIndex) => {
        if (isIceUrlAllowed(url, allowed)) return;
        context.addIssue({
          code: 'custom',
          path: ['iceServers', serverIndex, 'urls', ...(Array.isArray(server.urls) ? [urlIndex] : [])],
          message: `${url}: host not among the profile's hosts (allowedHosts)`,
          params: { reason: iceServerHostNotAllowed, url },
        });
      });
    });
  });

export type Profile = z.infer<typeof profileSchema>;

function hostnameOf(value: string | undefined): string | null {
  if (value === undefined) return null;
  try {
    return new URL(value).hostname || null;
  } catch {
    return null;
  }
}

/** The hosts a user-added profile may name: its instance's, its LiveKit server's, its login's. */
export function userProfileHosts(profile: Pick<Profile, 'apiBaseUrl' | 'livekitUrl' | 'identityProviderUrl'>): string[] {
  const hosts = [profile.apiBaseUrl, profile.livekitUrl, profile.identityProviderUrl].map(hostnameOf);
  return [...new Set(hosts.filter((host): host is string => host !== null))];
}

/**
 * A profile the user added (or wrote by hand in their own folder): exactly what adding an
 * instance produces. No CA, update feed, proxy, ICE server, calendar or branding, and no host
 * but those of its own URLs: only the ministry's bundled profiles and policy may widen trust.
 */
export const userProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/),
    displayName: z.string().min(1).max(80),
    apiBaseUrl: httpsOrLoopbackUrl,
    meetingHosts: z.array(z.string().min(1).max(253)).length(1),
    scheme: z.literal('visio').default('visio'),
    allowedHosts: z.array(z.string().min(1).max(253)).min(1).max(3),
    defaultLanguage: languageSchema.default('fr'),
    livekitUrl: livekitUrl.optional(),
    identityProviderUrl: httpsOrLoopbackUrl.optional(),
  })
  .strict()
  .superRefine((profile, context) => {
    const api = new URL(profile.apiBaseUrl);
    if (profile.apiBaseUrl !== `${api.origin}/api/v1.0/`) {
      context.addIssue({ code: 'custom', path: ['apiBaseUrl'], message: 'must be <instance>/api/v1.0/' });
    }
    if (profile.meetingHosts[0] !== api.hostname) {
      context.addIssue({ code: 'custom', path: ['meetingHosts'], message: 'must be the instance host only' });
    }
    const derived = userProfileHosts(profile);
    const sorted = (hosts: readonly string[]) => [...hosts].sort().join(' ');
    if (sorted(profile.allowedHosts) !== sorted(derived)) {
      context.addIssue({ code: 'custom', path: ['allowedHosts'], message: 'must be the hosts of the profile URLs only' });
    }
  });

export const defaultAccentColor = '#000091';
export const defaultUpdateChannel = 'latest';

/** The profile's optional parts with their effective values. */
export function profileDefaults(profile: Profile) {
  return {
    productName: profile.branding?.productName ?? 'Visio',
    accentColor: profile.branding?.accentColor ?? defaultAccentColor,
    updateFeedUrl: profile.updates?.feedUrl ?? null,
    updateChannel: profile.updates?.channel ?? defaultUpdateChannel,
    updatesEnabled: profile.updates?.enabled ?? profile.updates?.feedUrl !== undefined,
    calendarFeedUrl: profile.calendarFeedUrl ?? null,
    features: {
      screenShareAudio: profile.features?.screenShareAudio ?? true,
      calendar: profile.features?.calendar ?? true,
      subtitles: profile.features?.subtitles ?? true,
      recording: profile.features?.recording ?? true,
      backgroundEffects: profile.features?.backgroundEffects ?? true,
      addInstance: profile.features?.addInstance ?? true,
    },
    chatFiles: { ...defaultChatFilesPolicy, ...profile.chatFiles },
  };
}
