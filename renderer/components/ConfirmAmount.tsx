// "Is the amount right?": asked before a large sale or cash movement, or one that takes more to the bank than
// the drawer should hold, is recorded (main asks with till_amount_unconfirmed / till_movement_exceeds_drawer;
// shared/till/confirmations.ts). The safe answer, "No, correct it", has the focus; Esc means no.
import type { AmountQuestion } from '../api/amount-question';
import { useLang, useT } from '../i18n/i18n';
import { formatOre } from '../money/amount.format';
import { ore } from '../../shared/money/ore';
import { Dialog } from './Dialog';

export function ConfirmAmountDialog({ question, onYes, onNo }: { question: AmountQuestion; onYes: () => void; onNo: () => void }) {
  const t = useT();
  const lang = useLang();
  const amount = formatOre(ore(question.amountOre), lang);
  const text =
    question.kind === 'large'
      ? t('confirmAmount.large', { amount, limit: formatOre(ore(question.limitOre), lang) })
      : t('confirmAmount.drawer', { amount, expected: formatOre(ore(question.expectedCashOre), lang) });
  return (
    <Dialog title={t('confirmAmount.title')} onClose={onNo}>
      <p>{text}</p>
      <div className="actions">
        <button type="button" onClick={onNo} data-autofocus>{t('confirmAmount.no')}</button>
        <button type="button" className="primary" onClick={onYes}>{t('confirmAmount.yes', { amount })}</button>
      </div>
    </Dialog>
  );
}
