import type { Ore } from '../../shared/money/ore';
import { useLang } from '../i18n/i18n';
import { formatOre } from '../money/amount.format';

/** An amount in DKK, right-aligned in tables, negative amounts marked for styling. */
export function Money({ ore, className }: { ore: Ore; className?: string }) {
  const lang = useLang();
  const classes = ['money', ore < 0 ? 'negative' : '', className ?? ''].filter(Boolean).join(' ');
  return <span className={classes}>{formatOre(ore, lang)}</span>;
}
