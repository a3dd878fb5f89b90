// Saves the connection test's report where the user chooses: the file dialog proposes a name in
// their downloads folder, and only the path they confirm is written. The report was checked
// against its schema by the IPC router (no token can be in it); it is written as indented JSON,
// readable by whoever supports the user.
import { join } from 'node:path';
import { reportFileName, type ConnectionTestReport } from '../../common/connection-test-report';
import type { Result } from '../../common/ipc-contract';
import type { Language } from '../../common/languages';
import { saveWhereChosen, type SaveWherePorts } from '../files/save-dialog';
import { mainT } from '../i18n/main-i18n';

export interface ReportSaverPorts extends SaveWherePorts<string> {
  language(): Language;
  /** The folder the dialog opens in (the user's downloads). */
  defaultFolder(): string;
}

export function createReportSaver(ports: ReportSaverPorts): (report: ConnectionTestReport) => Promise<Result<null>> {
  return (report) => {
    const t = mainT(ports.language());
    const question = {
      title: t('connectionReport.title'),
      defaultPath: join(ports.defaultFolder(), reportFileName(report.startedAt)),
      buttonLabel: t('connectionReport.save'),
      filters: [{ name: t('connectionReport.fileType'), extensions: ['json'] }],
    };
    return saveWhereChosen(ports, question, `${JSON.stringify(report, null, 2)}
`, 'connection report');
  };
}
