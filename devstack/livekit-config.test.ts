// The LiveKit configuration the devstack writes: its own TURN server always, foreign ICE servers
// only when a test asks for a server left with LiveKit's defaults.
import { describe, expect, it } from 'vitest';
import { FOREIGN_STUN_SERVERS, FOREIGN_TURN_SERVER, livekitConfigYaml } from './livekit';

const ports = { signal: 7880, rtcTcp: 7881, rtcUdp: 7882, turnUdp: 3478 };

describe('livekitConfigYaml', () => {
  it('names no host but its own by default: its TURN server on loopback, no STUN or TURN elsewhere', () => {
    const yaml = livekitConfigYaml(ports, 'key', 'secret');
    expect(yaml).toContain('turn:\n  enabled: true\n  udp_port: 3478\n  bind_addresses:\n    - 127.0.0.1');
    expect(yaml).not.toMatch(/stun_servers|turn_servers/);
    for (const server of FOREIGN_STUN_SERVERS) expect(yaml).not.toContain(server.split(':')[0]);
    expect(yaml).not.toContain(FOREIGN_TURN_SERVER.host);
  });

  it('hands out the foreign servers when asked', () => {
    const yaml = livekitConfigYaml(ports, 'key', 'secret', { foreignIceServers: true });
    for (const server of FOREIGN_STUN_SERVERS) expect(yaml).toContain(`    - ${server}`);
    expect(yaml).toContain(`    - host: ${FOREIGN_TURN_SERVER.host}`);
  });
});
