// Training mode on screen: the banner every screen shows while it is on (with the session's training sales and
// "Afslut øvelse"), the mark every printout carries, and the owner's "Start øvelse" on the register. Main decides
// what a sale becomes and refuses the rest (till_training_mode); these only show and ask.
import { useState } from 'react';
import { ore } from '../../shared/money/ore';
import { counted, useLang, useT } from '../i18n/i18n';
import { formatOre } from '../money/amount.format';
import { mayChangeSettings, useCashier } from '../stores/cashier.store';
import { forgetLastSale } from '../stores/register.store';
import { switchTraining, trainingOn, useTraining } from '../stores/training.store';
import { Dialog } from './Dialog';
import { ErrorNotice } from './States';

export function TrainingBanner() {
  const t = useT();
  const lang = useLang();
  const status = useTraining((s) => s.status);
  const busy = useTraining((s) => s.busy);
  const signedIn = useCashier((s) => s.session !== null && (!s.session.required || s.session.current !== null));
  if (!status?.on) return null;
  return (
    <div className="training-banner no-print" role="status" data-testid="training-banner">
      <strong>{t('training.banner')}</strong>
      <span>{t('training.bannerText', { count: counted('trainingSale', status.count), total: formatOre(ore(status.totalOre), lang) })}</span>
      {signedIn ? (
        <button type="button" disabled={busy} onClick={() => void switchTraining(false).then((ok) => ok && forgetLastSale())}>
          {t('training.stop')}
        </button>
      ) : null}
    </div>
  );
}

/** On paper: the mark at the top of a printout made while training mode is on. */
export function TrainingPrintMark() {
  const t = useT();
  const on = useTraining(trainingOn);
  return on ? <p className="print-training" data-testid="print-training">{t('training.printMark')}</p> : null;
}

/** "Start øvelse": the owner's, asked once; nothing for a cashier or while it is on. */
export function TrainingStart() {
  const t = useT();
  const owner = useCashier((s) => mayChangeSettings(s.session));
  const on = useTraining(trainingOn);
  const busy = useTraining((s) => s.busy);
  const error = useTraining((s) => s.error);
  const [asking, setAsking] = useState(false);
  if (!owner || on) return null;
  return (
    <section className="card training-start" aria-labelledby="training-start-title">
      <h2 id="training-start-title">{t('training.title')}</h2>
      <p className="muted small">{t('training.explained')}</p>
      <button type="button" onClick={() => setAsking(true)}>{t('training.start')}</button>
      {error && !asking ? <ErrorNotice code={error} /> : null}
      {asking ? (
        <Dialog title={t('training.confirmTitle')} onClose={() => setAsking(false)}>
          <p>{t('training.confirmText')}</p>
          <div className="actions">
            <button type="button" onClick={() => setAsking(false)} data-autofocus>{t('training.cancel')}</button>
            <button type="button" className="primary" disabled={busy} onClick={() => void switchTraining(true).then(() => { setAsking(false); forgetLastSale(); })}>
              {t('training.confirmStart')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}
