// A lease in the database so that two TillBridge processes on one data directory (a second window, a CLI,
// a restarted app whose old process still lives) never send at the same time. In-process, the worker's
// own mutex already serialises everything; this guards across processes.
//
// A holder that died (crash, SIGKILL) must not block the next start for the whole lease time: on the same
// host, a lease whose process no longer exists is taken over at once. Across hosts (a data directory on a
// network share) only expiry counts.
import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import type { Clock } from '../../shared/ports';

export interface TransferLease {
  /** Takes or renews the lease; false while another live process holds it. */
  acquire(): boolean;
  release(): void;
  readonly holder: string;
}

export interface LeaseOptions {
  db: Database.Database;
  clock: Clock;
  /** Unique per worker instance. */
  holder: string;
  ttlMs?: number;
  pid?: number;
  host?: string;
  /** Whether a process with this id runs on this host (injected for tests). */
  isAlive?: (pid: number) => boolean;
}

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

export function createTransferLease(o: LeaseOptions): TransferLease {
  // Long on purpose: on one host a dead holder is detected by its pid at once, and a pass that waits for the
  // rate budget must not lose the lease midway. Expiry only matters across hosts.
  const ttlMs = o.ttlMs ?? 10 * 60_000;
  const pid = o.pid ?? process.pid;
  const host = o.host ?? hostname();
  const isAlive = o.isAlive ?? processIsAlive;
  const read = o.db.prepare('SELECT holder, host, pid, expires_at AS expiresAt FROM transfer_lease WHERE id = 1');
  const write = o.db.prepare(`INSERT INTO transfer_lease (id, holder, host, pid, expires_at) VALUES (1, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, host = excluded.host, pid = excluded.pid, expires_at = excluded.expires_at`);
  const drop = o.db.prepare('DELETE FROM transfer_lease WHERE id = 1 AND holder = ?');

  // IMMEDIATE: take the write lock before reading, so two processes cannot both see the lease as free.
  const acquire = o.db.transaction((): boolean => {
    const now = o.clock.now();
    const current = read.get() as { holder: string; host: string; pid: number; expiresAt: string } | undefined;
    const free =
      !current ||
      current.holder === o.holder ||
      current.expiresAt < iso(now) ||
      (current.host === host && current.pid !== pid && !isAlive(current.pid));
    if (!free) return false;
    write.run(o.holder, host, pid, iso(now + ttlMs));
    return true;
  });

  return {
    holder: o.holder,
    acquire: () => acquire.immediate(),
    release: () => {
      drop.run(o.holder);
    },
  };
}
