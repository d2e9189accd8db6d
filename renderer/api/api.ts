// The ONLY way the renderer talks to main: `api().call(channel, input)`, typed by the contract. Replies are
// unwrapped here; an error reply becomes an ApiError carrying its closed code for the UI to translate.
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/ipc/contract';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { checkReply } from './reply-check';
import type { ShellKind, Transport } from './transport';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export interface Api {
  readonly shell: ShellKind;
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

export function createApi(transport: Transport, shell: ShellKind): Api {
  return {
    shell,
    async call(channel, input) {
      let raw: unknown;
      try {
        raw = await transport(channel, input);
      } catch (error) {
        // The shell is gone (app closing, browser shell stopped): not a Dinero problem.
        throw new ApiError('internal', `Could not reach TillBridge: ${String(error)}`);
      }
      const reply = checkReply(raw);
      if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message, reply.error.details);
      return reply.value as ChannelOutput<typeof channel>;
    },
  };
}

let current: Api | null = null;

export function setApi(api: Api): void {
  current = api;
}

export function api(): Api {
  if (!current) throw new Error('The api is not set up (main.tsx calls setApi first)');
  return current;
}

export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof ApiError ? error.code : 'internal';
}
