// Keeps WAL checkpoints out of the sale path. SQLite's automatic checkpoint runs inside the commit that pushes
// the WAL past its threshold (1000 pages by default, about every hundred sales here), so that one sale waits
// 10–30 ms while pages are copied into the database file and synced. Instead, writers report each commit
// here, and every `everyWrites` commits a PASSIVE checkpoint runs on a later turn of the event loop: between
// customers, not during one. SQLite's own checkpoint stays on at a higher threshold as a safety net for a
// process that never gets an idle turn.
import { silentLogger, type Logger } from '../../shared/ports';
import type { TillDatabase } from './connection';

export interface DeferredCheckpoints {
  /** Call after each committed write. */
  noteWrite(): void;
  /** Runs a pending checkpoint now (e.g. before quitting). */
  flush(): void;
  /** Restores SQLite's default automatic checkpoint and cancels a scheduled one. */
  stop(): void;
}

export interface DeferredCheckpointOptions {
  everyWrites?: number;
  /** SQLite's automatic checkpoint threshold while deferral is on, in pages (default 10,000 ≈ 40 MB). */
  safetyNetPages?: number;
  /** How the checkpoint is put off; tests pass a queue they run by hand. */
  schedule?: (task: () => void) => void;
  logger?: Logger;
}

const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

export function deferWalCheckpoints(db: TillDatabase, options: DeferredCheckpointOptions = {}): DeferredCheckpoints {
  const everyWrites = options.everyWrites ?? 50;
  const schedule = options.schedule ?? ((task) => void setImmediate(task));
  const logger = options.logger ?? silentLogger;
  let writes = 0;
  let scheduled = false;
  let stopped = false;
  db.pragma(`wal_autocheckpoint = ${options.safetyNetPages ?? 10_000}`);

  const checkpoint = () => {
    scheduled = false;
    if (stopped || !db.open || writes < everyWrites) return;
    writes = 0;
    try {
      // PASSIVE never waits for readers or writers; whatever it cannot copy now waits for the next round.
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      logger.warn('WAL checkpoint failed; SQLite will retry on its own', { error: (error as Error).message });
    }
  };

  return {
    noteWrite() {
      writes += 1;
      if (writes >= everyWrites && !scheduled && !stopped) {
        scheduled = true;
        schedule(checkpoint);
      }
    },
    flush() {
      if (writes > 0) {
        writes = everyWrites;
        checkpoint();
      }
    },
    stop() {
      stopped = true;
      if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    },
  };
}
