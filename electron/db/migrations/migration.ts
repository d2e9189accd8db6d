// One schema step. Versions are the file numbers (0010-… is version 10) and end up in PRAGMA user_version, so
// a gap of ten leaves room to slot a step in between without renumbering.
export interface Migration {
  version: number;
  /** Short kebab-case name, used in logs and error messages. */
  name: string;
  /** Plain SQL run with db.exec inside the migration transaction. Must not touch PRAGMA foreign_keys. */
  sql: string;
}
