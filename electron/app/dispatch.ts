// One entry for every channel, used by both shells: check the channel name, parse the input with the
// channel's zod schema (nothing runs on bad input), run the handler, check the output against the
// contract (a drift is a bug: 'internal', logged), and turn every failure into a reply. Never throws.
import type { ZodError } from 'zod';
import { contract, isChannelName, type ChannelName } from '../../shared/ipc/contract';
import type { IpcError, Reply } from '../../shared/ipc/error-codes';
import type { Logger } from '../../shared/ports';
import { replyErrorFor } from './reply-errors';
import type { Handlers } from './handlers/handler.types';

export type Dispatch = (channel: string, input: unknown) => Promise<Reply<unknown>>;

const MAX_ISSUES = 20;

function issuesOf(error: ZodError): Array<{ path: string; message: string }> {
  return error.issues.slice(0, MAX_ISSUES).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

const fail = (error: IpcError): Reply<unknown> => ({ ok: false, error });

/** For the log: the error's type and message, never its fields (a cause could carry a request body). */
function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { errorType: error.name, error: error.message };
  return { errorType: typeof error };
}

/** Refuses a call the one at the till may not make (channel-access.ts), or lets it through (null). */
export type AccessGate = (channel: ChannelName, input: unknown) => IpcError | null;

export function createDispatcher(handlers: Handlers, logger: Logger, closed: () => boolean, gate: AccessGate = () => null): Dispatch {
  async function run(channel: ChannelName, input: unknown): Promise<Reply<unknown>> {
    const spec = contract[channel];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      return fail({ code: 'invalid_input', message: `Invalid input for ${channel}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`, details: { issues } });
    }
    if (closed()) return fail({ code: 'internal', message: 'TillBridge is shutting down' });
    const refused = gate(channel, parsed.data);
    if (refused) return fail(refused);
    let value: unknown;
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      value = await handler(parsed.data);
    } catch (error) {
      const known = replyErrorFor(error);
      if (known) return fail(known);
      logger.error('channel failed unexpectedly', { channel, ...describe(error) });
      return fail({ code: 'internal', message: 'Something went wrong inside TillBridge; the details are in the log' });
    }
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      // Paths and messages only: the value itself may hold personal data.
      logger.error('channel output does not match the contract', { channel, issues: issuesOf(checked.error) });
      return fail({ code: 'internal', message: 'TillBridge produced an answer the screen cannot use; the details are in the log' });
    }
    return { ok: true, value: checked.data };
  }

  return async (channel, input) => {
    try {
      if (typeof channel !== 'string' || !isChannelName(channel)) return fail({ code: 'forbidden', message: 'Unknown channel' });
      return await run(channel, input);
    } catch (error) {
      // Only reachable through a bug in the code above (e.g. a hostile getter during parsing).
      logger.error('dispatch failed', { ...describe(error) });
      return fail({ code: 'internal', message: 'Something went wrong inside TillBridge; the details are in the log' });
    }
  };
}
