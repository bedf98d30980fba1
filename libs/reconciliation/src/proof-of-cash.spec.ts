import { DomainError } from '@remitd/core';
import type { ProofOfCashBalanceRow, ProofOfCashEntryRow, ProofOfCashRepository } from './proof-of-cash.repository';
import { ProofOfCash } from './proof-of-cash.usecase';

const row = (over: Partial<ProofOfCashEntryRow>): ProofOfCashEntryRow => ({
  entryId: over.bankReference ?? 'e',
  bookingDate: '2026-12-01',
  currency: 'USD',
  direction: 'CRDT',
  reversal: false,
  amount: '100.0000',
  bankReference: null,
  remittanceState: 'credited',
  feeReimbursed: '0.0000',
  clearingMovement: '100.0000',
  heldInSuspense: '0',
  ...over,
});

function proofOf(entries: ProofOfCashEntryRow[], balances: ProofOfCashBalanceRow[] = []) {
  const repo = {
    collectionAccountExists: async () => true,
    entriesOfDays: async () => entries,
    balancesOfDays: async () => balances,
  } as unknown as ProofOfCashRepository;
  return new ProofOfCash(repo).execute({
    collectionAccountId: '00000000-0000-4000-8000-000000000001',
    from: '2026-12-01',
    to: '2026-12-02',
  });
}

describe('proof of cash: a banking day ties when the bank balances add up and the books moved what the bank booked', () => {
  it('ties when every entry was credited, a fee reimbursement listed beside it', async () => {
    const [day] = await proofOf(
      [
        row({ bankReference: 'W1', amount: '230.0000', clearingMovement: '230.0000', feeReimbursed: '20.0000' }),
        row({ bankReference: 'A1', amount: '70.0000', clearingMovement: '70.0000' }),
      ],
      [{ day: '2026-12-01', currency: 'USD', opening: '1000.0000', closing: '1300.0000' }],
    );
    expect(day).toMatchObject({
      date: '2026-12-01',
      bankCredits: '300.00',
      bankMovement: '300.00',
      bankOpening: '1000.00',
      bankClosing: '1300.00',
      bankBalanced: true,
      ledgerMovement: '300.00',
      ties: true,
    });
    expect(day.differences).toEqual([
      expect.objectContaining({ kind: 'fee_reimbursement', bankReference: 'W1', amount: '20.00' }),
    ]);
  });

  it('lists each entry the books did not move to a customer: not reconciled, unmatched, debit not booked, return', async () => {
    const [day] = await proofOf([
      row({ bankReference: 'OK', amount: '50.0000', clearingMovement: '50.0000' }),
      row({ bankReference: 'NEW', remittanceState: null, clearingMovement: '0' }),
      row({ bankReference: 'Q', remittanceState: 'unmatched', heldInSuspense: '100.0000' }),
      row({ bankReference: 'D', direction: 'DBIT', remittanceState: 'debit', clearingMovement: '0' }),
      row({
        bankReference: 'R',
        direction: 'DBIT',
        reversal: true,
        remittanceState: 'reversal',
        clearingMovement: '0',
      }),
    ]);
    // the sums happen to agree: the differences do not cancel out, the day lists them all and does not tie
    expect(day).toMatchObject({ bankMovement: '50.00', ledgerMovement: '50.00', bankBalanced: null, ties: false });
    expect(day.differences.map((d) => [d.kind, d.bankReference, d.amount])).toEqual([
      ['not_reconciled', 'NEW', '100.00'],
      ['unmatched_queue', 'Q', '100.00'],
      ['debit_not_booked', 'D', '-100.00'],
      ['return', 'R', '-100.00'],
    ]);
  });

  it('does not tie when the money waits in the queue', async () => {
    const [day] = await proofOf([
      row({ bankReference: 'Q', remittanceState: 'unmatched', heldInSuspense: '100.0000' }),
    ]);
    expect(day).toMatchObject({ bankMovement: '100.00', ledgerMovement: '0.00', ties: false });
  });

  it('ties a return the books undid, and an entry resolved from the queue later', async () => {
    const [day] = await proofOf([
      row({
        bankReference: 'R',
        direction: 'DBIT',
        reversal: true,
        remittanceState: 'reversal',
        clearingMovement: '-100.0000',
      }),
      row({ bankReference: 'ASSIGNED', remittanceState: 'credited', clearingMovement: '100.0000' }),
    ]);
    expect(day).toMatchObject({ bankMovement: '0.00', ledgerMovement: '0.00', ties: true, differences: [] });
  });

  it('does not tie when the bank balances do not add up', async () => {
    const [day] = await proofOf(
      [row({ bankReference: 'OK' })],
      [{ day: '2026-12-01', currency: 'USD', opening: '0.0000', closing: '99.0000' }],
    );
    expect(day).toMatchObject({ bankBalanced: false, ties: false });
  });

  it('one day per booking date and currency', async () => {
    const days = await proofOf([
      row({ bankReference: 'A' }),
      row({ bankReference: 'B', currency: 'EUR' }),
      row({ bankReference: 'C', bookingDate: '2026-12-02' }),
    ]);
    expect(days.map((d) => [d.date, d.currency])).toEqual([
      ['2026-12-01', 'USD'],
      ['2026-12-01', 'EUR'],
      ['2026-12-02', 'USD'],
    ]);
  });

  it('refuses a range that is reversed, too long or not dates', async () => {
    const repo = {} as ProofOfCashRepository;
    const proof = new ProofOfCash(repo);
    const id = '00000000-0000-4000-8000-000000000001';
    for (const [from, to] of [
      ['2026-12-02', '2026-12-01'],
      ['2026-01-01', '2026-12-01'],
      ['1 Dec', '2026-12-01'],
      ['2026-02-31', '2026-03-01'],
      ['2026-12-01', '2026-13-01'],
    ]) {
      await expect(proof.execute({ collectionAccountId: id, from, to })).rejects.toBeInstanceOf(DomainError);
    }
  });
});
