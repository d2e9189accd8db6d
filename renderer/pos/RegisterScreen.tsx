// POS → Register. Esc anywhere in the sale asks, then cancels it (clears lines and payments).
import { useEffect, useState, type KeyboardEvent } from 'react';
import { Empty, ErrorNotice, Loading } from '../components/States';
import { ConfirmDiscardDialog } from '../components/ConfirmDiscard';
import { useT } from '../i18n/i18n';
import { clearSale, forgetLastSale, loadRegister, useRegister } from '../stores/register.store';
import { CashMovementForm } from './CashMovementForm';
import { PaymentsPanel } from './PaymentsPanel';
import { RecentSales } from './RecentSales';
import { OpenMovements } from './OpenMovements';
import { SaleLineForm } from './SaleLineForm';
import { SaleLines } from './SaleLines';
import { OpeningCountPanel, useOpeningDue, type OpeningOutcome } from './OpeningCount';
import { useApp } from '../stores/app.store';
import { useLang } from '../i18n/i18n';
import { formatOre } from '../money/amount.format';
import { ore } from '../../shared/money/ore';
import { isDefaultGroup } from '../../shared/till/groups';
import { TrainingStart } from '../components/Training';
import { trainingOn, useTraining } from '../stores/training.store';

export function RegisterScreen() {
  const t = useT();
  const typesState = useRegister((s) => s.typesState);
  const typesError = useRegister((s) => s.typesError);
  const hasTypes = useRegister((s) => s.paymentTypes.some((p) => p.active));
  const [movementsVersion, setMovementsVersion] = useState(0);
  const [asking, setAsking] = useState(false);
  const inProgress = useRegister((s) => s.lines.length > 0 || s.payments.length > 0);
  const hasOwnGroups = useRegister((s) => s.groups.some((g) => !isDefaultGroup(g.id)));
  const lang = useLang();
  // "Byttepenge ved start" (a setting): before the day's first sale, the drawer is counted first.
  const opening = useOpeningDue(useApp((s) => s.settings?.openingCount ?? false));
  const [opened, setOpened] = useState<OpeningOutcome>(null);
  // In training mode only sales are rung up (main refuses cash movements): the movement form is not offered.
  const training = useTraining(trainingOn);

  useEffect(() => {
    void loadRegister();
  }, []);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    if (inProgress) setAsking(true);
    else clearSale();
  }
  const backToSale = () => {
    setAsking(false);
    document.getElementById('line-description')?.focus();
  };

  return (
    <section className="screen register" aria-labelledby="register-title">
      <h1 id="register-title">{t('nav.register')}</h1>
      {opening.due ? (
        <OpeningCountPanel
          period={opening.due}
          onDone={(outcome) => {
            setOpened(outcome);
            if (outcome) forgetLastSale();
            opening.done();
          }}
        />
      ) : null}
      {opened ? (
        <p className="notice" role="status" data-testid="opening-done">
          {opened.differenceOre === 0
            ? t('opening.done', { counted: formatOre(ore(opened.countedOre), lang) })
            : t('opening.doneDifference', { counted: formatOre(ore(opened.countedOre), lang), difference: formatOre(ore(opened.differenceOre), lang) })}
        </p>
      ) : null}
      {opening.due || !opening.checked ? null : (
        <>
        {typesState === 'loading' || typesState === 'idle' ? <Loading /> : null}
        {typesState === 'error' && typesError ? <ErrorNotice code={typesError} onRetry={() => void loadRegister()} /> : null}
        {typesState === 'ready' && !hasTypes ? <Empty>{t('register.noPaymentTypes')}</Empty> : null}
        {typesState === 'ready' && hasTypes ? (
          <div className="register-grid" onKeyDown={onKeyDown}>
            <div className="sale">
              <SaleLineForm />
              <SaleLines />
              <p className="muted small">{t('register.keys')}{hasOwnGroups ? ` ${t('register.groupKeysHint')}` : ''}</p>
            </div>
            <PaymentsPanel />
          </div>
        ) : null}
        {asking ? (
          <ConfirmDiscardDialog
            what="sale"
            onKeep={backToSale}
            onDiscard={() => {
              clearSale();
              backToSale();
            }}
          />
        ) : null}
        <div className="register-side">
          {training ? null : <CashMovementForm onRecorded={() => setMovementsVersion((v) => v + 1)} />}
          {training ? null : <OpenMovements version={movementsVersion} />}
          <RecentSales />
          <TrainingStart />
        </div>
        </>
      )}
    </section>
  );
}
