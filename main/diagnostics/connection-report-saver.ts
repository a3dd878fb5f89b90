// Saves the connection test's report where the user chooses: the file dialog proposes a name in
// their downloads folder, and only the path they confirm is written. The report was checked
// against its schema by the IPC router (no token can be in it); it is written as indented JSON,
// readable by whoever supports the user.
import { join } from 'node:path';
import { reportFileName, type ConnectionTestReport } from '../../common/connection-test-report';
import type { Result } from '../../common/ipc-contract';
import type { Language } from '../../common/languages';
import { saveWhereChosen, type SaveWherePorts } from '../files/save-dialog';
import { mainStrings } from '../i18n/main-strings';

export interface ReportSaverPorts extends SaveWherePorts<string> {
  language(): Language;
  /** The folder the dialog opens in (the user's downloads). */
  defaultFolder(): string;
}

export function createReportSaver(ports: ReportSaverPorts): (report: ConnectionTestReport) => Promise<Result<null>> {
  return (report) => {
    const strings = mainStrings(ports.language()).connectionReport;
    const question = {
      title: strings.title,
      defaultPath: join(ports.defaultFolder(), reportFileName(report.startedAt)),
      buttonLabel: strings.save,
      filters: [{ name: strings.fileType, extensions: ['json'] }],
    };
    return saveWhereChosen(ports, question, `${JSON.stringify(report, null, 2)}\n`, 'connection report');
  };
}
