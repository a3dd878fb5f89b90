// Adapts a WHATWG fetch (Electron's `session.fetch`, so the proxy and the ministry CA apply, or
// Node's in tests) to the port add-instance uses: no redirect followed, a bounded wait and body.
import type { InstanceFetchPort, InstanceResponse } from './add-instance';

export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

const maximumBodyBytes = 256 * 1024;

export function instanceFetchPort(fetchFunction: FetchFunction, timeoutMilliseconds = 10_000): InstanceFetchPort {
  return async (url: string): Promise<InstanceResponse> => {
    const response = await fetchFunction(url, {
      method: 'GET',
      redirect: 'manual',
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMilliseconds),
    });
    const text = await response.text();
    let json: unknown;
    if (text.length > 0 && text.length <= maximumBodyBytes) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    return { status: response.status, location: response.headers.get('location'), json };
  };
}
