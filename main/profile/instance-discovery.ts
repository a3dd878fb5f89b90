// Checking a new instance happens in a session of its own: it may reach only the host being
// checked (the filter and the ministry CA trust see a profile made of that host alone), so an
// instance's answer can never make the app contact a third host while it is being added.
import type { Profile } from '../../common/profile';

export const instanceDiscoveryPartition = 'instance-discovery';

/** A throwaway profile that allows exactly the hosts under check. */
export function discoveryProfileFor(hostnames: readonly string[]): Profile {
  return {
    id: 'instance-discovery',
    displayName: 'instance-discovery',
    // `.invalid` never resolves (RFC 2606): the placeholder allows no real host by itself.
    apiBaseUrl: 'https://instance-discovery.invalid/api/v1.0/',
    meetingHosts: [],
    scheme: 'visio',
    allowedHosts: [...hostnames],
    defaultLanguage: 'fr',
  };
}

/** The hosts being checked right now; a host stays while at least one request to it runs. */
export class HostsUnderCheck {
  private readonly counts = new Map<string, number>();

  async during<T>(url: string, work: () => Promise<T>): Promise<T> {
    const host = new URL(url).hostname.toLowerCase();
    this.counts.set(host, (this.counts.get(host) ?? 0) + 1);
    try {
      return await work();
    } finally {
      const left = (this.counts.get(host) ?? 1) - 1;
      if (left <= 0) this.counts.delete(host);
      else this.counts.set(host, left);
    }
  }

  list(): string[] {
    return [...this.counts.keys()];
  }
}
