// Codes instead of sentences (issue [2.2]). Each attempt keeps the data that goes with its outcome (a reason
// code, a version, a file name, Dinero's own answer) and the problems it found, as JSON, so the screen words
// it in the user's language whenever it is shown. `message` stays as the technical English line for support;
// rows written before this step have no detail and show the sentence they were written with.
import type { Migration } from './migration';

const sql = `
ALTER TABLE transfer_attempts ADD COLUMN detail_json TEXT CHECK (detail_json IS NULL OR json_valid(detail_json));
`;

export const attemptDetails0060: Migration = { version: 60, name: 'attempt-details', sql };
