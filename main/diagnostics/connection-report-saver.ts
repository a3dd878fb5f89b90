// Saves the connection test's report where the user chooses: the file dialog proposes a name in
// their downloads folder, and only the path they confirm is written. The report was checked
// against its schema by the IPC router (no token can be in it); it is written as indented JSON,
// readable by whoever supports the user.
import { join } from 'node:path';
import { reportFileName, type ConnectionTestReport } from '../../common/connection-test-report';
import { fail, ok, type Result } from '../../common/ipc-contract';
import type { Language } from '../../common/languages';
import { mainT } from '../i18n/main-i18n';

export interface SaveFileQuestion {
  title: string;
  defaultPath: string;
  buttonLabel: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

export interface ReportSaverPorts {
  language(): Language;
  /** The folder the dialog opens in (the user's downloads). */
  defaultFolder(): string;
  /** The path the user confirmed, or null when they closed the dialog. */
  chooseFile(question: SaveFileQuestion): Promise<string | null>;
  writeFile(path: string, contents: string): Promise<void>;
  report?(message: string): void;
}

export function createReportSaver(ports: ReportSaverPorts): (report: ConnectionTestReport) => Promise<Result<null>> {
  return async (report) => {
    const t = mainT(ports.language());
    const path = await ports.chooseFile({
      title: t('connectionReport.title'),
      defaultPath: join(ports.defaultFolder(), reportFileName(report.startedAt)),
      buttonLabel: t('connectionReport.save'),
      filters: [{ name: t('connectionReport.fileType'), extensions: ['json'] }],
    });
    if (!path) return fail('cancelled');
    try {
      await ports.writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
    } catch (error) {
      ports.report?.(`connection report not written: ${error instanceof Error ? error.message : String(error)}`);
      return fail('server', undefined, 'write failed');
    }
    return ok(null);
  };
}
