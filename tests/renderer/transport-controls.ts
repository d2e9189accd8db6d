// What a component test may do to the line between the screen and main, whichever main answers (the real
// core or the fake): record the calls, answer one call with an error, hold one call back.
import type { ChannelName } from '../../shared/ipc/contract';
import type { ErrorCode, Reply } from '../../shared/ipc/error-codes';

export interface TransportControls {
  calls: Array<{ channel: string; input: unknown }>;
  callsTo(channel: ChannelName): unknown[];
  /** The next call to the channel answers with this error code (as a shell would answer it). */
  failNext(channel: ChannelName, code: ErrorCode): void;
  /** The next call to the channel waits for the returned release() before it is answered (main is slow). */
  holdNext(channel: ChannelName): () => void;
}

/** Wraps `answer` with the controls; the forced error comes before main sees the call. */
export function withTransportControls(answer: (channel: string, input: unknown) => Promise<unknown>): TransportControls & {
  serve(channel: string, input: unknown): Promise<unknown>;
} {
  const calls: TransportControls['calls'] = [];
  const failures = new Map<string, ErrorCode>();
  const holds = new Map<string, Promise<void>>();
  return {
    calls,
    callsTo: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.input),
    failNext: (channel, code) => void failures.set(channel, code),
    holdNext: (channel) => {
      let release!: () => void;
      holds.set(channel, new Promise<void>((resolve) => (release = resolve)));
      return release;
    },
    async serve(channel, input) {
      calls.push({ channel, input });
      const hold = holds.get(channel);
      if (hold) {
        holds.delete(channel);
        await hold;
      }
      const failure = failures.get(channel);
      if (failure) {
        failures.delete(channel);
        return { ok: false, error: { code: failure, message: `forced ${failure}` } } satisfies Reply<unknown>;
      }
      return answer(channel, input);
    },
  };
}
