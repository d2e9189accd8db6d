// The daily report PDF's texts in Danish and English. Kept apart from the layout so both languages are
// visibly complete side by side.

export interface ZReportPdfLabels {
  title: string;
  register: string;
  businessDate: string;
  period: string;
  closedAt: string;
  counts: string;
  countsValue: (sales: number, returns: number) => string;
  revenueHeading: string;
  vatRate: string;
  sales: string;
  vat: string;
  returns: string;
  net: string;
  total: string;
  noSales: string;
  paymentsHeading: string;
  paymentType: string;
  count: string;
  amount: string;
  noPayments: string;
  rounding: string;
  cashHeading: string;
  openingFloat: string;
  cashSales: string;
  fromBank: string;
  toBankDuringDay: string;
  expected: string;
  counted: string;
  difference: string;
  toBankAtClose: string;
  closingFloat: string;
  postingHeading: string;
  description: string;
  account: string;
  balancingAccount: string;
  vatCode: string;
  page: (n: number, of: number) => string;
  emptyDay: string;
}

const da: ZReportPdfLabels = {
  title: 'Dagsrapport',
  register: 'Kasse',
  businessDate: 'Forretningsdag',
  period: 'Periode',
  closedAt: 'Lukket',
  counts: 'Salg / returneringer',
  countsValue: (s, r) => `${String(s)} / ${String(r)}`,
  revenueHeading: 'Omsætning pr. momssats (inkl. moms)',
  vatRate: 'Momssats',
  sales: 'Salg',
  vat: 'Heraf moms',
  returns: 'Retur',
  net: 'Netto',
  total: 'I alt',
  noSales: 'Ingen salg i perioden.',
  paymentsHeading: 'Betalingstyper (netto)',
  paymentType: 'Betalingstype',
  count: 'Antal',
  amount: 'Beløb',
  noPayments: 'Ingen betalinger i perioden.',
  rounding: 'Øreafrunding',
  cashHeading: 'Kasseoptælling',
  openingFloat: 'Byttepenge ved start',
  cashSales: 'Kontant salg og retur (netto)',
  fromBank: 'Fra bank',
  toBankDuringDay: 'Til bank i løbet af dagen',
  expected: 'Forventet kassebeholdning',
  counted: 'Optalt',
  difference: 'Kassedifference',
  toBankAtClose: 'Til bank ved lukning',
  closingFloat: 'Byttepenge til næste dag',
  postingHeading: 'Postering i Dinero (kassekladde)',
  description: 'Tekst',
  account: 'Konto',
  balancingAccount: 'Modkonto',
  vatCode: 'Momskode',
  page: (n, of) => `Side ${String(n)} af ${String(of)}`,
  emptyDay: 'Tom dag: lukket uden salg eller kassebevægelser.',
};

const en: ZReportPdfLabels = {
  title: 'Daily report',
  register: 'Register',
  businessDate: 'Business date',
  period: 'Period',
  closedAt: 'Closed at',
  counts: 'Sales / returns',
  countsValue: (s, r) => `${String(s)} / ${String(r)}`,
  revenueHeading: 'Revenue by VAT rate (incl. VAT)',
  vatRate: 'VAT rate',
  sales: 'Sales',
  vat: 'of which VAT',
  returns: 'Returns',
  net: 'Net',
  total: 'Total',
  noSales: 'No sales in the period.',
  paymentsHeading: 'Payment types (net)',
  paymentType: 'Payment type',
  count: 'Count',
  amount: 'Amount',
  noPayments: 'No payments in the period.',
  rounding: 'Cash rounding',
  cashHeading: 'Cash count',
  openingFloat: 'Opening float',
  cashSales: 'Cash sales and refunds (net)',
  fromBank: 'From bank',
  toBankDuringDay: 'To bank during the day',
  expected: 'Expected cash',
  counted: 'Counted',
  difference: 'Till difference',
  toBankAtClose: 'To bank at close',
  closingFloat: 'Closing float (next opening)',
  postingHeading: 'Posting in Dinero (cash journal)',
  description: 'Description',
  account: 'Account',
  balancingAccount: 'Balancing',
  vatCode: 'VAT code',
  page: (n, of) => `Page ${String(n)} of ${String(of)}`,
  emptyDay: 'Empty day: closed without sales or cash movements.',
};

export const Z_REPORT_PDF_LABELS = { da, en } as const;
