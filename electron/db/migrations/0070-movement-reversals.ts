// Undoing a cash movement of the open period ([2.3]): a reversal record linked to the movement, with its own
// id, time and the cashier's reason. The movement itself stays as it was (append-only); the open period's
// totals leave a reversed movement out, so a 100000 typed for 1000 and undone shows in neither direction (no
// "to bank 101,500.00" beside "from bank 101,500.00" in Dinero). A movement is reversed at most once, and only
// while its period is open: once a report has counted it, the report stands and a correction is a new record.
import type { Migration } from './migration';

const D = '[0-9]';
const ISO_UTC_MS = `'${D}${D}${D}${D}-${D}${D}-${D}${D}T${D}${D}:${D}${D}:${D}${D}.${D}${D}${D}Z'`;

const sql = `
CREATE TABLE cash_movement_reversals (
  movement_seq INTEGER PRIMARY KEY REFERENCES cash_movements (seq),
  id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL CHECK (created_at GLOB ${ISO_UTC_MS}),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200 AND reason = trim(reason))
) STRICT;
CREATE TRIGGER cash_movement_reversals_open_period BEFORE INSERT ON cash_movement_reversals
WHEN NEW.movement_seq <= COALESCE((
  SELECT MAX(r.last_movement_seq) FROM daily_reports AS r
  WHERE r.register_id = (SELECT register_id FROM cash_movements WHERE seq = NEW.movement_seq)), 0)
BEGIN SELECT RAISE(ABORT, 'cash_movement_reversals: the movement belongs to a closed report and cannot be undone'); END;
CREATE TRIGGER cash_movement_reversals_no_update BEFORE UPDATE ON cash_movement_reversals
BEGIN SELECT RAISE(ABORT, 'cash_movement_reversals is append-only: UPDATE refused'); END;
CREATE TRIGGER cash_movement_reversals_no_delete BEFORE DELETE ON cash_movement_reversals
BEGIN SELECT RAISE(ABORT, 'cash_movement_reversals is append-only: DELETE refused'); END;
`;

export const movementReversals0070: Migration = { version: 70, name: 'movement-reversals', sql };
