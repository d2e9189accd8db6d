// The top of every printout of an X- or Z-report (marked while training mode is on): the shop (name, address, CVR from Settings → Kasse), the
// register and when it was printed. Shown only on paper (print media); the print time is taken as the print
// dialog opens, so a page left open all day still prints the time it was printed.
import { useEffect, useState } from 'react';
import { useLang, useT } from '../i18n/i18n';
import { formatDateTime } from '../money/amount.format';
import { useApp } from '../stores/app.store';
import { TrainingPrintMark } from '../components/Training';

export function PrintHeader({ registerName }: { registerName: string }) {
  const t = useT();
  const lang = useLang();
  const shop = useApp((s) => s.settings?.shop);
  const company = useApp((s) => s.settings?.organizationName ?? null);
  const [printedAt, setPrintedAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    const stamp = () => setPrintedAt(new Date().toISOString());
    window.addEventListener('beforeprint', stamp);
    return () => window.removeEventListener('beforeprint', stamp);
  }, []);
  const name = shop?.name || company;
  return (
    <div className="print-only print-header" data-testid="print-header">
      <TrainingPrintMark />
      {name ? <p className="print-shop" translate="no">{name}</p> : null}
      {shop?.address ? <p translate="no">{shop.address}</p> : null}
      {shop?.cvr ? <p>{t('pdf.cvr', { cvr: shop.cvr })}</p> : null}
      <p>{t('print.register', { register: registerName })} · {t('print.printedAt', { at: formatDateTime(printedAt, lang) })}</p>
    </div>
  );
}
