// The question the system's save dialog asks: the one way main lets the user pick where a file
// goes (the connection test's report, a file received in the chat). Only the path the user
// confirms is ever written.
import { fail, ok, type Result } from '../../common/ipc-contract';
export interface SaveFileQuestion {
  title: string;
  defaultPath: string;
  buttonLabel: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

/** The path the user confirmed, or null when they closed the dialog. */
export type ChooseFile = (question: SaveFileQuestion) => Promise<string | null>;

export interface SaveWherePorts<Contents> {
  chooseFile: ChooseFile;
  writeFile(path: string, contents: Contents): Promise<void>;
  report?(message: string): void;
}

/** Asks where, then writes there: `cancelled` when the user closed the dialog, `server` when the write failed. */
export async function saveWhereChosen<Contents>(ports: SaveWherePorts<Contents>, question: SaveFileQuestion, contents: Contents, what: string): Promise<Result<null>> {
  const path = await ports.chooseFile(question);
  if (!path) return fail('cancelled');
  try {
    await ports.writeFile(path, contents);
  } catch (error) {
    ports.report?.(`${what} not written: ${error instanceof Error ? error.message : String(error)}`);
    return fail('server', undefined, 'write failed');
  }
  return ok(null);
}
