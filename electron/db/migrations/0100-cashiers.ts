// Named cashiers ([2.4]): who is at the till, with a 4-digit PIN (a salted scrypt hash, never the PIN) and a
// role. The owner may change the settings; a cashier may not. A shop with no cashiers works as before: every
// record's cashier is then NULL.
//
// - cashiers rows change (a name, a role, a new PIN, deactivated) but are never deleted: the records name them.
//   There is always an active owner once any cashier exists (the first one is the owner, and the last active
//   owner can be neither demoted nor deactivated), so the settings can never be locked away from everyone.
// - Wrong PINs are counted on the row (failed_pins, locked_until): a restart does not reset the lockout.
// - Every record a person makes names its cashier: sales (refunds are sales), voids, cash movements, their
//   undos, reports (who closed) and count corrections. Once a cashier is active, the database refuses such a
//   record without an active cashier; older rows stay NULL (nobody was named then).
import type { Migration } from './migration';

const D = '[0-9]';
const ISO_UTC_MS = `'${D}${D}${D}${D}-${D}${D}-${D}${D}T${D}${D}:${D}${D}:${D}${D}.${D}${D}${D}Z'`;

/** The tables whose new rows name their cashier. */
export const CASHIER_STAMPED_TABLES = ['sales', 'sale_voids', 'cash_movements', 'cash_movement_reversals', 'daily_reports', 'report_corrections'] as const;

/** The trigger that makes a new row of `table` name an active cashier once cashiers are set up. */
export const cashierTrigger = (table: string) => `CREATE TRIGGER ${table}_cashier BEFORE INSERT ON ${table}
BEGIN
  SELECT RAISE(ABORT, '${table}: name the cashier at the till (cashiers are set up)')
  WHERE NEW.cashier_id IS NULL AND EXISTS (SELECT 1 FROM cashiers WHERE active = 1);
  SELECT RAISE(ABORT, '${table}: the cashier is not an active cashier')
  WHERE NEW.cashier_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cashiers WHERE id = NEW.cashier_id AND active = 1);
END;`;

const stamped = CASHIER_STAMPED_TABLES.map((table) => `
ALTER TABLE ${table} ADD COLUMN cashier_id TEXT REFERENCES cashiers (id);
${cashierTrigger(table)}`).join('\n');

const sql = `
CREATE TABLE cashiers (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 100),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40 AND name = trim(name)),
  role TEXT NOT NULL CHECK (role IN ('owner', 'cashier')),
  pin_hash TEXT NOT NULL CHECK (pin_hash GLOB 'scrypt$*'),
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  sort_order INTEGER NOT NULL,
  failed_pins INTEGER NOT NULL DEFAULT 0 CHECK (failed_pins >= 0),
  locked_until TEXT CHECK (locked_until IS NULL OR locked_until GLOB ${ISO_UTC_MS}),
  created_at TEXT NOT NULL CHECK (created_at GLOB ${ISO_UTC_MS}),
  updated_at TEXT NOT NULL CHECK (updated_at GLOB ${ISO_UTC_MS})
) STRICT;
CREATE UNIQUE INDEX cashiers_name ON cashiers (name COLLATE NOCASE);

CREATE TRIGGER cashiers_first_is_owner BEFORE INSERT ON cashiers
WHEN NEW.role IS NOT 'owner' AND NOT EXISTS (SELECT 1 FROM cashiers WHERE role = 'owner' AND active = 1)
BEGIN SELECT RAISE(ABORT, 'cashiers: the first cashier must be the owner'); END;
CREATE TRIGGER cashiers_keep_an_owner BEFORE UPDATE OF role, active ON cashiers
WHEN OLD.role = 'owner' AND OLD.active = 1 AND (NEW.role IS NOT 'owner' OR NEW.active = 0)
 AND NOT EXISTS (SELECT 1 FROM cashiers WHERE role = 'owner' AND active = 1 AND id <> OLD.id)
BEGIN SELECT RAISE(ABORT, 'cashiers: the last active owner cannot be demoted or deactivated'); END;
CREATE TRIGGER cashiers_id_fixed BEFORE UPDATE OF id ON cashiers
WHEN NEW.id IS NOT OLD.id
BEGIN SELECT RAISE(ABORT, 'cashiers: the id cannot change'); END;
CREATE TRIGGER cashiers_no_delete BEFORE DELETE ON cashiers
BEGIN SELECT RAISE(ABORT, 'cashiers: a cashier is deactivated, never deleted (records name them)'); END;
${stamped}
`;

export const cashiers0100: Migration = { version: 100, name: 'cashiers', sql };
