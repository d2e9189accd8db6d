// The SAF-T export of the records bench in a process of its own (bundled and started by records.bench.ts):
// opens the year's database, exports it and prints one JSON line with the time, the file and the process's
// peak memory. Alone in its process, the figure is the export's, not the bench's (which built the year first).
import { join } from 'node:path';
import { openTillDatabase } from '../electron/db/connection';
import { createJournal } from '../electron/journal/journal.service';
import { createSaftExporter } from '../electron/saft/saft.service';
import { createTillService } from '../electron/till/till.service';
import { defaultSettings } from '../shared/settings/settings.schema';

const [file, outDir] = process.argv.slice(2) as [string, string];
const clock = { now: () => Date.UTC(2026, 0, 5, 9, 0) };
const db = openTillDatabase(file);
const journal = createJournal({ db, clock, companyIdent: () => '12345678' });
let n = 0;
const till = createTillService({ db, clock, ids: { newId: () => `child-${++n}` }, journal });
const settings = { ...defaultSettings, shop: { name: 'Kiosken', address: 'Torvet 1, 8000 Aarhus C', cvr: '12345678' } };
const saft = createSaftExporter({ till, settings: () => settings, cashiers: () => [], appVersion: 'bench', clock });
const before = process.memoryUsage().rss;
let peak = before;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
const t0 = performance.now();
const result = await saft.export({ fromDate: '2025-01-01', toDate: '2025-12-31', outDir: join(outDir) });
const seconds = (performance.now() - t0) / 1000;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
db.close();
process.stdout.write(`${JSON.stringify({ seconds, transactions: result.transactions, bytes: result.bytes, events: result.events, before, peak })}\n`);
