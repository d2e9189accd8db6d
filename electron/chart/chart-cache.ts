// The company's chart of accounts and VAT codes as last fetched from Dinero, so the settings screen and the
// pre-transfer check still work offline. One JSON file per organisation; a damaged file is just a cache miss.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { silentLogger, type Logger } from '../../shared/ports';
import { writeFileAtomic } from '../settings/atomic-file';

const accountSchema = z.object({
  accountNumber: z.number().int().positive(),
  name: z.string(),
  vatCode: z.string().nullable(),
  isHidden: z.boolean(),
});

const vatCodeSchema = z.object({
  vatCode: z.string().min(1),
  name: z.string(),
  /** A fraction (0.25 = 25 %), as the Dinero client normalises it. */
  vatRate: z.number().min(0).max(1).nullable(),
});

export const chartSnapshotSchema = z.object({
  accounts: z.array(accountSchema),
  vatCodes: z.array(vatCodeSchema),
  /** Epoch ms of the fetch, so the UI can say how old the offline copy is. */
  fetchedAt: z.number().int().nonnegative(),
});

export type ChartAccount = z.infer<typeof accountSchema>;
export type ChartVatCode = z.infer<typeof vatCodeSchema>;
export type ChartSnapshot = z.infer<typeof chartSnapshotSchema>;

const fileSchema = z.object({ version: z.literal(1), organizationId: z.number().int().positive(), chart: chartSnapshotSchema });

export interface ChartCache {
  /** Throws (zod error) on a malformed snapshot and writes nothing. */
  save(organizationId: number, snapshot: ChartSnapshot): void;
  /** Null when nothing was cached for the organisation or the file is unusable. */
  load(organizationId: number): ChartSnapshot | null;
}

export interface ChartCacheOptions {
  /** e.g. <data dir>/chart-cache */
  dir: string;
  logger?: Logger;
}

export function createChartCache(options: ChartCacheOptions): ChartCache {
  const logger = options.logger ?? silentLogger;
  const organizationIdSchema = z.number().int().positive();
  // The id is validated as a positive integer, so it can never steer the path outside the folder.
  const fileFor = (organizationId: number) => join(options.dir, `chart-${organizationIdSchema.parse(organizationId)}.json`);

  return {
    save(organizationId, snapshot) {
      const file = fileFor(organizationId);
      const chart = chartSnapshotSchema.parse(snapshot);
      writeFileAtomic(file, JSON.stringify({ version: 1, organizationId, chart }));
    },

    load(organizationId) {
      const file = fileFor(organizationId);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn('chart cache unreadable', { organizationId, error });
        return null;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        logger.warn('chart cache is not JSON; ignoring it', { organizationId });
        return null;
      }
      const parsed = fileSchema.safeParse(json);
      if (!parsed.success || parsed.data.organizationId !== organizationId) {
        logger.warn('chart cache has an unexpected shape; ignoring it', { organizationId });
        return null;
      }
      return parsed.data.chart;
    },
  };
}
