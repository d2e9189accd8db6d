// @vitest-environment jsdom
// The attempt log under a report: every attempt worded in the user's language from its outcome code and
// data; main's technical English never reaches the screen. Rows written before outcomes had data show the
// sentence they were stored with, except where the outcome's name says it all.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransferAttempt } from '../../shared/ipc/contract.types';
import { AttemptLog } from '../../renderer/eod/AttemptLog';
import { setLanguage } from '../../renderer/i18n/i18n';

afterEach(() => {
  cleanup();
  setLanguage('da');
});

const attempt = (patch: Partial<TransferAttempt>): TransferAttempt => ({
  id: 1, ledgerItemId: '8405e6c0-f547-4918-b501-acb2f0e3e3b6', at: '2026-03-14T18:25:00.000Z', operation: 'create', outcome: 'sent',
  params: {}, problems: [], httpStatus: 201, dineroCode: null, legacyMessage: null, payload: null, fileGuid: null, attachment: null, ...patch,
});

const rows = () => screen.getAllByRole('row').slice(1);

describe('attempt log', () => {
  it('words a create in Danish and in English', () => {
    render(<AttemptLog attempts={[attempt({})]} />);
    expect(rows()[0]!.textContent).toContain('Sendt');
    expect(rows()[0]!.textContent).toContain('Oprettet som kladde i kassekladden.');
    cleanup();
    setLanguage('en');
    render(<AttemptLog attempts={[attempt({})]} />);
    expect(rows()[0]!.textContent).toContain('Created as a draft in the cash journal.');
  });

  it('shows Dinero\'s own words of a refusal as data, with the reason, the HTTP status and Dinero\'s code', () => {
    render(<AttemptLog attempts={[attempt({
      outcome: 'needs_attention', httpStatus: 400, dineroCode: 52, params: { reason: 'validation' },
      problems: [{ code: 'dinero_refused', params: { text: 'Konto 56900 er skjult' } }],
    })]} />);
    const row = rows()[0]!;
    expect(row.textContent).toContain('Dinero afviste dataene');
    expect(row.textContent).toContain('Dinero: Konto 56900 er skjult');
    expect(row.textContent).toContain('400 (52)');
  });

  it('words a retry by its reason and a status read by Dinero\'s status and version', () => {
    render(<AttemptLog attempts={[
      attempt({ id: 1, outcome: 'retry', httpStatus: null, params: { reason: 'offline' } }),
      attempt({ id: 2, operation: 'status', outcome: 'found', params: { status: 'Draft', version: 'v2' } }),
      attempt({ id: 3, operation: 'upload', outcome: 'uploaded', params: { fileName: 'Z1-Kasse-1-2026-03-14.pdf', bytes: 2048 } }),
    ]} />);
    const [retry, found, uploaded] = rows();
    expect(retry!.textContent).toContain('ingen forbindelse til Dinero');
    expect(found!.textContent).toContain('Dinero: Kladde i kassekladden, version v2');
    expect(uploaded!.textContent).toContain('Z1-Kasse-1-2026-03-14.pdf (2 kB)');
  });

  it('shows a blocked check\'s posting problems in words', () => {
    render(<AttemptLog attempts={[attempt({
      operation: 'check', outcome: 'blocked', httpStatus: null,
      problems: [{ code: 'account_missing', params: { role: 'payment_type', paymentTypeName: 'MobilePay' } }],
    })]} />);
    expect(rows()[0]!.textContent).toContain('Vælg en konto for betalingstypen MobilePay');
  });

  it('shows the user\'s answer as an answer', () => {
    render(<AttemptLog attempts={[attempt({
      operation: 'answer', outcome: 'answered', httpStatus: null,
      params: { question: 'other_id', answer: 'new_voucher', newItemId: 'b7d1', orgId: 412345 },
    })]} />);
    expect(rows()[0]!.textContent).toContain('Dit svar: nyt bilag');
    expect(rows()[0]!.textContent).toContain('Sendes som nyt bilag (b7d1) i firma 412345.');
  });
});

describe('attempt log: rows written before codes were stored', () => {
  it('hides the technical sentence of a plain success and keeps the sentence of a problem', () => {
    render(<AttemptLog attempts={[
      attempt({ id: 1, legacyMessage: 'Created as a draft in the kassekladde' }),
      attempt({ id: 2, outcome: 'needs_attention', httpStatus: 400, legacyMessage: 'Konto 56900 er skjult' }),
      attempt({ id: 3, outcome: 'other', params: { outcome: 'weird' }, legacyMessage: 'from an older version' }),
    ]} />);
    const [sent, refused, other] = rows();
    expect(within(sent!).getByText('Sendt')).toBeTruthy();
    expect(sent!.textContent).not.toContain('Created as a draft');
    expect(refused!.textContent).toContain('Konto 56900 er skjult');
    expect(other!.textContent).toContain('Andet (weird)');
    expect(other!.textContent).toContain('from an older version');
  });
});

describe('attempt log: the PDF attachment', () => {
  it('says in the user\'s language whether the PDF went with the voucher', () => {
    render(
      <AttemptLog
        attempts={[
          attempt({ id: 1, fileGuid: '6b33eac6-5439-44ee-b951-9cc3b308299c', attachment: 'attached' }),
          attempt({ id: 2, attachment: 'upload_failed' }),
          attempt({ id: 3, attachment: 'not_made' }),
        ]}
      />,
    );
    const [attached, failed, notMade] = rows();
    expect(attached!.textContent).toContain('PDF-dagsrapporten er vedhæftet bilaget');
    expect(failed!.textContent).toContain('PDF-dagsrapporten blev ikke vedhæftet; bilaget er sendt uden den');
    expect(notMade!.textContent).toContain('PDF-dagsrapporten kunne ikke laves');
  });
});

describe('attempt log: every outcome main records', () => {
  it('names each in Danish, including a duplicate Id and a problem that stopped the queue', () => {
    render(
      <AttemptLog
        attempts={[
          attempt({ id: 1, outcome: 'duplicate', httpStatus: 409, params: { itemId: 'x' } }),
          attempt({ id: 2, outcome: 'reconnect', httpStatus: 401, params: { reason: 'reconnect_needed' } }),
        ]}
      />,
    );
    const [duplicate, reconnect] = rows();
    expect(within(duplicate!).getByText('Fandtes allerede')).toBeTruthy();
    expect(within(reconnect!).getByText('Log ind igen')).toBeTruthy();
  });
});
