// A ministry deployment profile: which LaSuite Meet instance the app talks to and which hosts it
// may reach. Extended by the managed-deployment work (policy, branding, updates).
import { z } from 'zod';

const httpsOrLoopbackUrl = z
  .string()
  .url()
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  }, 'must be https (http only on loopback)');

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1';
}

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
    defaultLanguage: z.enum(['fr', 'en']).default('fr'),
  })
  .strict();

export type Profile = z.infer<typeof profileSchema>;
