// "Udskriv" (A4) and "Bonprinter (80 mm)" for the X- and Z-report. The 80 mm layout is the same page under
// html[data-print="receipt"], which puts it on the named CSS page "receipt" (80 mm wide) with a narrow,
// one-column layout (styles.css). Electron's print uses the same print media, so the same CSS applies there.
import { useT } from '../i18n/i18n';

export const PRINT_ATTRIBUTE = 'print';

export function printAs(format: 'a4' | 'receipt'): void {
  const root = document.documentElement;
  if (format === 'receipt') root.dataset[PRINT_ATTRIBUTE] = 'receipt';
  else delete root.dataset[PRINT_ATTRIBUTE];
  const reset = () => {
    delete root.dataset[PRINT_ATTRIBUTE];
    window.removeEventListener('afterprint', reset);
  };
  window.addEventListener('afterprint', reset);
  try {
    window.print();
  } finally {
    // window.print() returns when the dialog closes (Chromium, Electron); afterprint covers the rest.
    reset();
  }
}

export function PrintButtons() {
  const t = useT();
  return (
    <span className="print-buttons no-print">
      <button type="button" onClick={() => printAs('a4')}>{t('report.print')}</button>
      <button type="button" onClick={() => printAs('receipt')}>{t('print.receiptButton')}</button>
    </span>
  );
}
