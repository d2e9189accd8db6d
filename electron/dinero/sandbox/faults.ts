// Fault injection: queued faults hit the next matching requests, then clear themselves; offline mode makes
// the sandbox look unreachable. The control surface (/sandbox/*) is never faulted, so tests can undo it.
import type { FaultControl, FaultKind, FaultSpec } from './sandbox.types';

interface QueuedFault {
  kind: FaultKind;
  remaining: number;
  method: string | null;
  path: RegExp | null;
  delayMs: number;
}

const KINDS: readonly FaultKind[] = ['status500', 'brownout480', 'dropAfterCommit', 'dropBeforeCommit', 'slow', 'status429'];

export class FaultQueue implements FaultControl {
  private queue: QueuedFault[] = [];
  private isOffline = false;

  inject(f: FaultSpec): void {
    if (!KINDS.includes(f.kind)) throw new Error(`Unknown fault kind: ${String(f.kind)}`);
    const times = f.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error('Fault times must be a whole number ≥ 1');
    this.queue.push({
      kind: f.kind,
      remaining: times,
      method: f.method ? f.method.toUpperCase() : null,
      // Without the g/y flags: a stateful lastIndex would make RegExp.test skip alternate requests.
      path: f.path === undefined ? null : new RegExp(typeof f.path === 'string' ? f.path : f.path.source, typeof f.path === 'string' ? '' : f.path.flags.replace(/[gy]/g, '')),
      delayMs: f.delayMs ?? 1000,
    });
  }

  clear(): void {
    this.queue = [];
  }

  setOffline(offline: boolean): void {
    this.isOffline = offline;
  }

  get offline(): boolean {
    return this.isOffline;
  }

  pending(): ReadonlyArray<{ kind: FaultKind; remaining: number; method: string | null; path: string | null }> {
    return this.queue.map((q) => ({ kind: q.kind, remaining: q.remaining, method: q.method, path: q.path?.source ?? null }));
  }

  /** Takes one use of the first queued fault that matches this request, if any. */
  take(method: string, path: string): { kind: FaultKind; delayMs: number } | null {
    const found = this.queue.find((q) => (q.method === null || q.method === method) && (q.path === null || q.path.test(path)));
    if (!found) return null;
    found.remaining -= 1;
    if (found.remaining <= 0) this.queue = this.queue.filter((q) => q !== found);
    return { kind: found.kind, delayMs: found.delayMs };
  }
}
