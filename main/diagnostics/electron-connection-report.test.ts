// The connection report's saving, against a stand-in for Electron's dialog and a real temporary
// folder: the dialog opens on the downloads folder with a dated name, in the user's language;
// the file written is the report as JSON; closing the dialog writes nothing.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectionTestReportSchema, type ConnectionTestReport } from '../../common/connection-test-report';
import { app, asElectron, dialog, FakeBrowserWindow, resetFakeElectron } from '../testing/fake-electron';
import { createReportSaver } from './connection-report-saver';
import { createElectronReportSaver } from './electron-connection-report';

vi.mock('electron', async () => (await import('../testing/fake-electron')).fakeElectron);

const report: ConnectionTestReport = connectionTestReportSchema.parse({
  format: 'visio-connection-test/2',
  app: { version: '0.1.0', kind: 'electron', os: 'linux', language: 'fr' },
  instance: { apiBaseUrl: 'https://visio.example.gouv.fr/api/v1.0/', livekitUrl: 'wss://livekit.example.gouv.fr' },
  startedAt: '2026-12-02T09:30:12.000Z',
  finishedAt: '2026-12-02T09:30:20.000Z',
  durationMs: 8000,
  outcome: 'pass',
  steps: [{ id: 'backend', status: 'pass', durationMs: 40, summary: 'Le service Visio répond.', advice: null, details: { configMs: 20 } }],
  selectedCandidatePair: null,
});

let folder: string;

beforeEach(() => {
  resetFakeElectron();
  folder = mkdtempSync(join(tmpdir(), 'visio-report-'));
  app.setPath('downloads', folder);
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('saving the connection report from Electron', () => {
  it('asks where, on the main window, in the user’s language, and writes the report there', async () => {
    const window = new FakeBrowserWindow();
    const target = join(folder, 'choisi.json');
    dialog.showSaveDialog.mockImplementation(async () => ({ canceled: false, filePath: target }));
    const save = createElectronReportSaver({ language: () => 'de', parent: () => asElectron.window(window) });

    expect(await save(report)).toEqual({ ok: true, value: null });

    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1);
    const [parent, options] = dialog.showSaveDialog.mock.calls[0] ?? [];
    expect(parent).toBe(window);
    expect(options).toMatchObject({
      title: 'Bericht des Verbindungstests speichern',
      defaultPath: join(folder, 'visio-test-connexion-2026-12-02-0930.json'),
      filters: [{ name: 'JSON-Bericht', extensions: ['json'] }],
    });
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual(report);
  });

  it('writes nothing and answers `cancelled` when the user closes the dialog', async () => {
    const save = createElectronReportSaver({ language: () => 'fr', parent: () => null });
    expect(await save(report)).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(dialog.showSaveDialog.mock.calls[0]?.[0]).toMatchObject({ title: 'Enregistrer le rapport du test de connexion' });
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('the report saver', () => {
  it('reports a file that cannot be written as an error, not a crash', async () => {
    const logged: string[] = [];
    const save = createReportSaver({
      language: () => 'en',
      defaultFolder: () => '/downloads',
      chooseFile: async () => '/read-only/report.json',
      writeFile: async () => {
        throw new Error('EACCES: permission denied');
      },
      report: (message) => logged.push(message),
    });
    expect(await save(report)).toMatchObject({ ok: false, error: { code: 'server' } });
    expect(logged).toEqual(['connection report not written: EACCES: permission denied']);
  });
});

describe('the report schema', () => {
  it('refuses a report that holds a token anywhere', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const step = { id: 'signalling', status: 'fail', durationMs: 10, summary: 'x', advice: null, details: { error: `could not connect ${jwt}` } };
    expect(connectionTestReportSchema.safeParse({ ...report, steps: [step] }).success).toBe(false);
    const url = { ...report, instance: { apiBaseUrl: null, livekitUrl: 'wss://lk.example/rtc?access_token=abc' } };
    expect(connectionTestReportSchema.safeParse(url).success).toBe(false);
  });

  it('refuses unknown fields (nothing rides along unseen)', () => {
    expect(connectionTestReportSchema.safeParse({ ...report, token: 'x' }).success).toBe(false);
  });
});
