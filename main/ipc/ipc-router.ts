// The main side of every invoke channel: who may call (the main frame of our own origin in one
// of our app windows), with what (the contract's schema), and which handler answers. Whatever
// happens, the caller gets a Result: nothing is thrown across the process boundary.
import { fail, invokeSchemas, type InvokeChannel, type InvokeInput, type InvokeOutputs, type Result } from '../../common/ipc-contract';
import { isAppUrl } from '../security/app-origin';

export interface IpcSender {
  webContentsId: number;
  /** URL of the sending frame; null when the frame is gone. */
  frameUrl: string | null;
  isMainFrame: boolean;
}

export type InvokeHandler<C extends InvokeChannel> = (
  payload: InvokeInput<C>,
  sender: IpcSender,
) => Promise<Result<InvokeOutputs[C]>>;

export interface IpcRouterOptions {
  isAppWindow(webContentsId: number): boolean;
  /** Where refused calls and handler failures are reported (never to the renderer in detail). */
  report?(message: string): void;
}

function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return typeof channel === 'string' && Object.prototype.hasOwnProperty.call(invokeSchemas, channel);
}

export class IpcRouter {
  private readonly handlers = new Map<InvokeChannel, InvokeHandler<InvokeChannel>>();

  constructor(private readonly options: IpcRouterOptions) {}

  /** Answers a channel; a later registration replaces the earlier one. */
  register<C extends InvokeChannel>(channel: C, handler: InvokeHandler<C>): void {
    this.handlers.set(channel, handler as unknown as InvokeHandler<InvokeChannel>);
  }

  isTrustedSender(sender: IpcSender): boolean {
    return (
      sender.isMainFrame &&
      sender.frameUrl !== null &&
      isAppUrl(sender.frameUrl) &&
      this.options.isAppWindow(sender.webContentsId)
    );
  }

  async handle(channel: unknown, payload: unknown, sender: IpcSender): Promise<Result<unknown>> {
    if (!isInvokeChannel(channel)) {
      this.options.report?.(`refused unknown channel ${String(channel).slice(0, 80)}`);
      return fail('invalid_input', undefined, 'unknown channel');
    }
    if (!this.isTrustedSender(sender)) {
      this.options.report?.(`refused ${channel} from ${sender.frameUrl ?? 'a destroyed frame'}`);
      return fail('forbidden', undefined, 'sender not allowed');
    }
    // Before the payload check: a channel nobody answers says so whatever it is sent.
    const handler = this.handlers.get(channel);
    if (!handler) return fail('unavailable', undefined, `no handler for ${channel}`);
    const parsed = invokeSchemas[channel].safeParse(payload);
    if (!parsed.success) return fail('invalid_input', undefined, parsed.error.issues[0]?.message);
    try {
      return await handler(parsed.data as InvokeInput<InvokeChannel>, sender);
    } catch (error) {
      this.options.report?.(`${channel} failed: ${error instanceof Error ? error.message : String(error)}`);
      return fail('server', undefined, 'internal error');
    }
  }
}
