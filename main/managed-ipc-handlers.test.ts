import { describe, expect, it } from 'vitest';
import type { Profile } from '../common/profile';
import { createManagedHandlers } from './managed-ipc-handlers';
import type { MachinePolicy } from './policy/policy-schema';
import { SettingsService } from './policy/settings-service';
import type { InstanceFetchPort } from './profile/add-instance';
import { ProfileStore } from './profile/profile-store';

const devstack: Profile = {
  id: 'devstack',
  displayName: 'Devstack',
  apiBaseUrl: 'http://127.0.0.1:8071/api/v1.0/',
  meetingHosts: ['127.0.0.1'],
  scheme: 'visio',
  allowedHosts: ['127.0.0.1'],
  defaultLanguage: 'fr',
};

const meetConfig = {
  recording: { is_enabled: false, available_modes: [] },
  subtitle: { enabled: true },
  telephony: { enabled: false },
  livekit: { url: 'wss://livekit.visio.example.gouv.fr', force_wss_protocol: true, default_sources: [] },
};

async function handlersWith(policy: MachinePolicy, fetchInstance: InstanceFetchPort = () => Promise.reject(new Error('offline'))) {
  const saved: unknown[] = [];
  const store = new ProfileStore([devstack], { read: async () => undefined, write: async (data) => void saved.push(data) });
  const settings = await SettingsService.create({
    storage: { read: async () => undefined, write: async () => undefined },
    policy,
    profiles: () => store.list().map((stored) => stored.profile),
  });
  return { handlers: createManagedHandlers({ settings, store, policy, activeProfileId: 'devstack', fetchInstance }), saved };
}

describe('settings and profile channels', () => {
  it('shows the policy keys as locked and refuses to change them', async () => {
    const { handlers } = await handlersWith({ Language: 'fr', UpdatesEnabled: false });
    const view = await handlers['settings:get'](undefined);
    expect(view.ok && view.value.locked).toEqual(expect.arrayContaining(['language', 'updatesEnabled', 'telemetry']));
    expect(view.ok && 'certificateAuthorities' in view.value.settings).toBe(false);
    const refused = await handlers['settings:update']({ language: 'en' });
    expect(refused.ok === false && refused.error).toMatchObject({ code: 'locked_by_policy', detail: 'language' });
    const allowed = await handlers['settings:update']({ screenShareAudioAllowed: false });
    expect(allowed.ok && allowed.value.settings.screenShareAudioAllowed).toBe(false);
  });

  it('shows the mini window setting, and locks it when the policy sets it', async () => {
    const free = await handlersWith({});
    const shown = await free.handlers['settings:get'](undefined);
    expect(shown.ok && shown.value.settings.miniWindowEnabled).toBe(true);
    const turnedOff = await free.handlers['settings:update']({ miniWindowEnabled: false });
    expect(turnedOff.ok && turnedOff.value.settings.miniWindowEnabled).toBe(false);

    const managed = await handlersWith({ MiniWindowEnabled: false });
    const view = await managed.handlers['settings:get'](undefined);
    expect(view.ok && view.value.settings.miniWindowEnabled).toBe(false);
    expect(view.ok && view.value.locked).toContain('miniWindowEnabled');
    const refused = await managed.handlers['settings:update']({ miniWindowEnabled: true });
    expect(refused.ok === false && refused.error).toMatchObject({ code: 'locked_by_policy', detail: 'miniWindowEnabled' });
  });

  it('refuses to select another profile than the one the policy forces', async () => {
    const { handlers } = await handlersWith({ ForcedProfile: 'devstack' });
    const view = await handlers['settings:get'](undefined);
    expect(view.ok && view.value.locked).toContain('profileId');
    const kept = await handlers['profiles:select']({ profileId: 'devstack' });
    expect(kept.ok === false && kept.error.code).toBe('locked_by_policy');
  });

  it('refuses an unknown setting key', async () => {
    const { handlers } = await handlersWith({});
    const refused = await handlers['settings:update']({ telemetry: true });
    expect(refused.ok === false && refused.error.code).toBe('invalid_input');
  });

  it('refuses to add an instance when the policy restricts the profiles, without contacting it', async () => {
    let contacted = false;
    const { handlers } = await handlersWith({ AllowedProfiles: ['devstack'] }, async () => {
      contacted = true;
      return { status: 200, location: null, json: meetConfig };
    });
    const refused = await handlers['profiles:add-instance']({ url: 'https://visio.example.gouv.fr' });
    expect(refused.ok === false && refused.error).toMatchObject({ code: 'locked_by_policy', reason: 'add_instance_locked' });
    expect(contacted).toBe(false);
  });

  it('adds a Meet instance once, saves it, and lists it', async () => {
    const { handlers, saved } = await handlersWith({}, async (url) =>
      url.endsWith('/config/') ? { status: 200, location: null, json: meetConfig } : { status: 404, location: null, json: undefined },
    );
    const added = await handlers['profiles:add-instance']({ url: 'visio.example.gouv.fr' });
    expect(added.ok && added.value).toMatchObject({ id: 'visio-example-gouv-fr', origin: 'user' });
    expect(saved).toHaveLength(1);
    const again = await handlers['profiles:add-instance']({ url: 'https://visio.example.gouv.fr/abc-defg-hij' });
    expect(again.ok === false && again.error).toMatchObject({ code: 'conflict', reason: 'already_added' });
    const listed = await handlers['profiles:list'](undefined);
    expect(listed.ok && listed.value.profiles.map((profile) => profile.id)).toEqual(['devstack', 'visio-example-gouv-fr']);
    const selected = await handlers['profiles:select']({ profileId: 'visio-example-gouv-fr' });
    expect(selected.ok && selected.value).toMatchObject({ activeProfileId: 'devstack', selectedProfileId: 'visio-example-gouv-fr' });
  });

  it('carries the precise refusal of an instance to the interface', async () => {
    const { handlers } = await handlersWith({});
    const refused = await handlers['profiles:add-instance']({ url: 'https://visio.example.gouv.fr' });
    expect(refused.ok === false && refused.error).toMatchObject({ code: 'network', reason: 'unreachable' });
  });
});
