// Beside an X- or Z-report's figures: the training sales of its period, which are in none of them (main
// counts them from the journal, electron/journal/journal-signing.ts). Nothing when there were none.
import { counted, useLang, useT, type MessageKey } from '../i18n/i18n';
import { formatOre } from '../money/amount.format';
import type { Ore } from '../../shared/money/ore';

export function TrainingSalesNote({ sales, text, testId }: { sales: { count: number; totalOre: Ore } | null; text: MessageKey; testId: string }) {
  const t = useT();
  const lang = useLang();
  if (!sales || sales.count === 0) return null;
  return (
    <p className="notice training" data-testid={testId}>
      {t(text, { count: counted('trainingSale', sales.count), total: formatOre(sales.totalOre, lang) })}
    </p>
  );
}
