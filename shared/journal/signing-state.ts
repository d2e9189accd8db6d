// How a report describes the journal behind its period, from the counts of its transactions: all signed with a
// certificate, none (hash chain only), some (a certificate installed, or its key lost, mid-period), or no
// transactions at all. The screens, the printouts and the PDF choose their sentence by this one rule.
export type SigningState = 'signed' | 'unsigned' | 'partly' | 'empty';

export function signingState(j: { transactions: number; signed: number }): SigningState {
  if (j.transactions === 0) return 'empty';
  if (j.signed === j.transactions) return 'signed';
  return j.signed === 0 ? 'unsigned' : 'partly';
}
