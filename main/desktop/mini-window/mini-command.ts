// The one invoke channel of the mini window: checked like every other channel (our origin, the
// main frame, the right window) and validated, then handed to the controller.
import { z } from 'zod';
import { fail, ok, type Result } from '../../../common/ipc-contract';
import { miniCommands, type MiniCommand } from '../../../common/mini-window';
import type { IpcSender } from '../../ipc/ipc-router';
import { isAppUrl } from '../../security/app-origin';

export const miniCommandSchema = z.object({ command: z.enum(miniCommands) }).strict();

export interface MiniCommandOptions {
  /** The mini window's webContents id, or null while it does not exist. */
  miniWindowId(): number | null;
  run(command: MiniCommand): void;
  report?(message: string): void;
}

export function handleMiniCommand(payload: unknown, sender: IpcSender, options: MiniCommandOptions): Result<null> {
  const trusted =
    sender.isMainFrame &&
    sender.frameUrl !== null &&
    isAppUrl(sender.frameUrl) &&
    options.miniWindowId() !== null &&
    sender.webContentsId === options.miniWindowId();
  if (!trusted) {
    options.report?.(`refused mini:command from ${sender.frameUrl ?? 'a destroyed frame'}`);
    return fail('forbidden', undefined, 'sender not allowed');
  }
  const parsed = miniCommandSchema.safeParse(payload);
  if (!parsed.success) return fail('invalid_input', undefined, parsed.error.issues[0]?.message);
  options.run(parsed.data.command);
  return ok(null);
}
