import fc from 'fast-check';
import { Money } from '@remitd/money';
import { TransactionRunner } from '@remitd/persistence';
import { createTestContext } from '../../../test/support/test-app';
import { AccountCodes, type AccountRef } from './accounts';
import { LedgerModule } from './ledger.module';
import { LedgerService, transfer } from './ledger.service';
import { LedgerVerifier } from './ledger-verifier';
import { LedgerRepository } from './ledger.repository';

const acct = (i: number): AccountRef => ({ code: `test:acct:${i}`, kind: 'customer_cash', currency: 'USD' });

describe('ledger against real PostgreSQL', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;
  let ledger: LedgerService;
  let tx: TransactionRunner;

  beforeAll(async () => {
    t = await createTestContext([LedgerModule], 12);
    ledger = t.get(LedgerService);
    tx = t.get(TransactionRunner);
  });
  afterAll(() => t.close());

  it('an idempotency key posts once: the replay moves nothing and returns the first entry', async () => {
    const req = {
      idempotencyKey: 'once-1',
      kind: 'test',
      description: 'once',
      legs: transfer(acct(100), acct(101), Money.of('5.00', 'USD')),
    };
    const first = await tx.run((x) => ledger.post(x, req));
    const second = await tx.run((x) => ledger.post(x, req));
    expect(second.created).toBe(false);
    expect(second.journalEntryId).toBe(first.journalEntryId);
    expect(Money.fromStored((await t.get(LedgerRepository).balanceOf(acct(101).code))!, 'USD').toString()).toBe('5.00');
  });

  it('a balance that would outgrow numeric(20,4) is refused as BALANCE_TOO_LARGE on the amount, and nothing is posted', async () => {
    const big = Money.of('9999999999999999.00', 'USD');
    const post = (n: number) =>
      tx.run((x) =>
        ledger.post(x, {
          idempotencyKey: `big-${n}`,
          kind: 't',
          description: '',
          legs: transfer(acct(300), acct(301), big),
        }),
      );
    await post(1);
    await expect(post(2)).rejects.toMatchObject({ code: 'BALANCE_TOO_LARGE', field: 'amount' });
    expect(Money.fromStored((await t.get(LedgerRepository).balanceOf(acct(301).code))!, 'USD').toString()).toBe(
      '9999999999999999.00',
    );
  });

  it('rejects legs that do not sum to zero and legs in a currency the account does not hold', async () => {
    await expect(
      tx.run((x) =>
        ledger.post(x, {
          idempotencyKey: 'bad-1',
          kind: 't',
          description: '',
          legs: [
            { account: acct(1), amount: Money.of('1.00', 'USD') },
            { account: acct(2), amount: Money.of('-0.99', 'USD') },
          ],
        }),
      ),
    ).rejects.toThrow(/off by 0.01 USD/);
    await expect(
      tx.run((x) =>
        ledger.post(x, {
          idempotencyKey: 'bad-2',
          kind: 't',
          description: '',
          legs: transfer(acct(1), { ...acct(2), currency: 'EUR' }, Money.of('1.00', 'USD')),
        }),
      ),
    ).rejects.toThrow(/holds EUR/);
  });

  it('a guard that fails rolls the whole journal back', async () => {
    const from = {
      code: AccountCodes.customerCash('00000000-0000-0000-0000-000000000001', 'USD'),
      kind: 'customer_cash' as const,
      currency: 'USD',
    };
    await expect(
      tx.run((x) =>
        ledger.post(x, {
          idempotencyKey: 'guarded',
          kind: 't',
          description: '',
          legs: transfer(from, acct(3), Money.of('10.00', 'USD')),
          guards: [{ account: from, min: Money.zero('USD') }],
        }),
      ),
    ).rejects.toThrow(/below 0.00/);
    expect(await t.get(LedgerRepository).balanceOf(acct(3).code)).toBeNull();
    expect((await t.get(LedgerVerifier).verify()).ok).toBe(true);
  });

  it('forgets accounts created by a transaction that rolled back (the id cache learns only on commit)', async () => {
    const a = { code: 'test:rollback:a', kind: 'customer_cash' as const, currency: 'USD' };
    const b = { code: 'test:rollback:b', kind: 'customer_cash' as const, currency: 'USD' };
    const legs = transfer(a, b, Money.of('1.00', 'USD'));
    await expect(
      tx.run(async (x) => {
        await ledger.post(x, { idempotencyKey: 'rb-1', kind: 't', description: '', legs });
        await ledger.post(x, { idempotencyKey: 'rb-1b', kind: 't', description: '', legs });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await tx.run((x) => ledger.post(x, { idempotencyKey: 'rb-2', kind: 't', description: '', legs }));
    expect(Money.fromStored((await t.get(LedgerRepository).balanceOf(b.code))!, 'USD').toString()).toBe('1.00');
    expect((await t.get(LedgerVerifier).verify()).ok).toBe(true);
  });

  it('8 parallel workers posting 1,000 random transfers between 20 accounts lose no update', async () => {
    const transfers = fc.sample(
      fc
        .record({
          from: fc.integer({ min: 0, max: 19 }),
          to: fc.integer({ min: 0, max: 19 }),
          cents: fc.integer({ min: 1, max: 1_000_000 }),
        })
        .filter((r) => r.from !== r.to),
      { numRuns: 1000, seed: 20261122 },
    );
    const queue = transfers.map((r, i) => ({ ...r, i }));
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const j = job;
        await tx.run((x) =>
          ledger.post(x, {
            idempotencyKey: `par-${j.i}`,
            kind: 'test',
            description: `transfer ${j.i}`,
            legs: transfer(acct(j.from), acct(j.to), Money.of((j.cents / 100).toFixed(2), 'USD')),
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const expected = new Map<number, bigint>();
    for (const r of transfers) {
      expected.set(r.from, (expected.get(r.from) ?? 0n) - BigInt(r.cents));
      expected.set(r.to, (expected.get(r.to) ?? 0n) + BigInt(r.cents));
    }
    for (const [i, cents] of expected) {
      const b = await t.get(LedgerRepository).balanceOf(acct(i).code);
      expect(Money.fromStored(b!, 'USD').toMinorUnits()).toBe(cents);
    }
    const report = await t.get(LedgerVerifier).verify();
    expect(report).toEqual({
      ok: true,
      balanceMismatches: [],
      unbalancedJournals: [],
      postingCurrencyMismatches: 0,
      orphanPostings: 0,
    });
  });
});
