import { describe, expect, it } from 'vitest';
import { decideRequest } from '../policy/request-filter';
import { discoveryProfileFor, HostsUnderCheck } from './instance-discovery';

describe('instance discovery', () => {
  it('allows only the hosts under check', () => {
    const profile = discoveryProfileFor(['visio.example.gouv.fr']);
    expect(decideRequest({ url: 'https://visio.example.gouv.fr/api/v1.0/config/' }, profile).cancel).toBe(false);
    expect(decideRequest({ url: 'https://tracker.example.com/x' }, profile).cancel).toBe(true);
    expect(decideRequest({ url: 'http://127.0.0.1:8071/api/v1.0/config/' }, discoveryProfileFor([])).cancel).toBe(true);
  });

  it('keeps a host under check while a request to it runs', async () => {
    const hosts = new HostsUnderCheck();
    let during: string[] = [];
    await hosts.during('https://Visio.Example.gouv.fr/api/v1.0/config/', async () => {
      during = hosts.list();
    });
    expect(during).toEqual(['visio.example.gouv.fr']);
    expect(hosts.list()).toEqual([]);
    await expect(hosts.during('https://a.example/', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(hosts.list()).toEqual([]);
  });
});
