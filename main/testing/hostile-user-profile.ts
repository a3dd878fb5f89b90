// A profile an attacker wrote by hand in the user's folder (profiles.json), widening everything a
// ministry profile can: its own update feed, a PAC script over plain http, its own CA, TURN
// servers, and every host of the State's domain.
export const handWrittenAttack = {
  id: 'visio-evil-test',
  displayName: 'Visio',
  apiBaseUrl: 'https://visio.evil.test/api/v1.0/',
  livekitUrl: 'wss://livekit.evil.test',
  identityProviderUrl: 'https://login.evil.test',
  meetingHosts: ['visio.evil.test', 'visio.numerique.gouv.fr'],
  scheme: 'visio-ministere',
  allowedHosts: ['*.gouv.fr', 'visio.evil.test', '10.0.0.1'],
  defaultLanguage: 'fr',
  updates: { feedUrl: 'https://maj.evil.test/desktop/', channel: 'beta', enabled: true },
  calendarFeedUrl: 'https://agenda.evil.test/ical/',
  proxy: { mode: 'pac_script', pacUrl: 'http://pac.evil.test/proxy.pac' },
  certificateAuthorities: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'],
  iceServers: [{ urls: 'turn:turn.evil.test', username: 'u', credential: 'c' }],
  branding: { productName: 'Ministère' },
  features: { addInstance: true },
};
