// @vitest-environment jsdom
// The attempt log under a report: every attempt in the user's language; main's technical text for a plain
// success stays out of sight (tooltip), while a problem keeps its message (often Dinero's own words).
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransferAttempt } from '../../shared/ipc/contract.types';
import { AttemptLog } from '../../renderer/eod/AttemptLog';

afterEach(cleanup);

const attempt = (patch: Partial<TransferAttempt>): TransferAttempt => ({
  id: 1, ledgerItemId: '8405e6c0-f547-4918-b501-acb2f0e3e3b6', at: '2026-03-14T18:25:00.000Z', operation: 'create', outcome: 'sent',
  httpStatus: 201, dineroCode: null, message: null, payload: null, fileGuid: null, attachmentNote: null, ...patch,
});

describe('attempt log', () => {
  it('shows a plain success by its translated name only, with the technical text as a tooltip', () => {
    render(<AttemptLog attempts={[attempt({ message: 'Created as a draft in the kassekladde' })]} />);
    const row = screen.getAllByRole('row')[1]!;
    expect(within(row).getByText('Sendt')).toBeTruthy();
    expect(row.textContent).not.toContain('Created as a draft');
    expect(row.querySelector('td[title="Created as a draft in the kassekladde"]')).not.toBeNull();
  });

  it('keeps the message of a problem in view, with the HTTP status and Dinero code', () => {
    render(<AttemptLog attempts={[attempt({ outcome: 'needs_attention', httpStatus: 400, dineroCode: 52, message: 'Konto 56900 er skjult' })]} />);
    const row = screen.getAllByRole('row')[1]!;
    expect(row.textContent).toContain('Konto 56900 er skjult');
    expect(row.textContent).toContain('400 (52)');
  });
});

describe('attempt log: the PDF attachment', () => {
  it('says in the user\'s language whether the PDF went with the voucher, the technical reason in the tooltip', () => {
    render(
      <AttemptLog
        attempts={[
          attempt({ id: 1, fileGuid: '6b33eac6-5439-44ee-b951-9cc3b308299c', attachmentNote: 'PDF attached (Z1-Kasse-1-2026-03-14.pdf)' }),
          attempt({ id: 2, attachmentNote: 'PDF not attached: the upload failed (Dinero answered 500); the voucher was sent without it' }),
        ]}
      />,
    );
    const [attached, failed] = screen.getAllByRole('row').slice(1);
    expect(attached!.textContent).toContain('PDF-dagsrapporten er vedhæftet bilaget');
    expect(failed!.textContent).toContain('PDF-dagsrapporten blev ikke vedhæftet; bilaget er sendt uden den');
    expect(failed!.textContent).not.toContain('upload failed');
    expect(failed!.querySelector('[title*="Dinero answered 500"]')).not.toBeNull();
  });
});

describe('attempt log: every outcome main records', () => {
  it('names each in Danish, including a duplicate Id and a problem that stopped the queue', () => {
    render(
      <AttemptLog
        attempts={[
          attempt({ id: 1, outcome: 'duplicate', httpStatus: 409, message: 'Dinero already had this Id (an earlier send had landed)' }),
          attempt({ id: 2, outcome: 'reconnect', httpStatus: 401, message: 'refresh token rejected' }),
        ]}
      />,
    );
    const [duplicate, reconnect] = screen.getAllByRole('row').slice(1);
    expect(within(duplicate!).getByText('Fandtes allerede')).toBeTruthy();
    expect(duplicate!.textContent).not.toContain('already had');
    expect(within(reconnect!).getByText('Log ind igen')).toBeTruthy();
    expect(reconnect!.textContent).toContain('refresh token rejected');
  });
});
