import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadActiveProfile } from './active-profile';

const resourcesDirectory = resolve(__dirname, '..', 'resources');

describe('active profile', () => {
  it('reads the bundled devstack profile with the URLs of the running stack', async () => {
    const result = await loadActiveProfile({
      resourcesDirectory,
      environment: { VISIO_API_BASE_URL: 'http://127.0.0.1:9999/api/v1.0/', VISIO_LIVEKIT_URL: 'ws://127.0.0.1:9998' },
    });
    expect(result.ok && result.profile.apiBaseUrl).toBe('http://127.0.0.1:9999/api/v1.0/');
    expect(result.ok && result.profile.livekitUrl).toBe('ws://127.0.0.1:9998');
  });

  it('reports a missing resources folder', async () => {
    const result = await loadActiveProfile({ resourcesDirectory: join(resourcesDirectory, 'missing'), environment: {} });
    expect(result.ok).toBe(false);
  });
});
