/**
 * npm run bench:tasks: a unified settlement task (issue 15, seed 001) over BENCH_ACCOUNTS (1,000)
 * member accounts × 3 billing cycles (3,000 bills). Seeds with set-based SQL, times creating the
 * task (every eligibility rule checked) and then the top-up's arrival: a crediting whose
 * transaction settles the task (transfers creator → 1,000 members, 3,000 bills). Checks every
 * bill is settled and the ledger verifies; ends with one JSON line. Targets: create < 1 s,
 * settle < 3 s.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { loadConfig } from '@remitd/config';
import { CustomerRepository } from '@remitd/customers';
import { LedgerVerifier } from '@remitd/ledger';
import { Money } from '@remitd/money';
import { TransactionRunner } from '@remitd/persistence';
import { CreditFundsPort } from '@remitd/reconciliation';
import { ManageSettlementTasksUseCase } from '@remitd/settlement-tasks';
import { ReconcilerModule } from '../apps/reconciler/src/reconciler.module';
import { benchReference, withBenchDatabase } from './support';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1000);

function cycleBack(n: number): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

async function main() {
  await withBenchDatabase('tasks', async ({ url }) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    const cycles = [2, 3, 4].map(cycleBack);
    try {
      const payer = (
        await client.query<{ id: string }>(
          `INSERT INTO customers (id, reference, name, email, currency)
           VALUES (gen_random_uuid(), 'PAYER', 'Bench Holding', 'payer@bench.example', 'EUR') RETURNING id::text`,
        )
      ).rows[0].id;
      await client.query(
        `WITH m AS (
           INSERT INTO customers (id, reference, name, email, currency)
           SELECT gen_random_uuid(), r, 'Member ' || r, lower(r) || '@bench.example', 'EUR' FROM unnest($1::text[]) AS t(r)
           RETURNING id, reference),
         r AS (
           INSERT INTO financial_relationships (id, main_customer_id, member_customer_id, created_by)
           SELECT gen_random_uuid(), $2::uuid, m.id, 'bench' FROM m)
         INSERT INTO bills (id, customer_id, reference, billing_cycle, issued_at, currency, amount)
         SELECT gen_random_uuid(), m.id, 'B-' || m.reference || '-' || c, c, (c || '-28')::date, 'EUR', 10.00
         FROM m, unnest($3::text[]) AS c`,
        [Array.from({ length: ACCOUNTS }, (_, k) => benchReference(k)), payer, cycles],
      );
      await client.query('ANALYZE');
      const members = (await client.query<{ id: string }>(`SELECT id::text FROM customers WHERE id <> $1`, [payer]))
        .rows;
      const config = loadConfig({ DATABASE_URL: url, DB_POOL_SIZE: '4' });
      const app = await NestFactory.createApplicationContext(ReconcilerModule.forRoot(config, { schedulers: false }), {
        logger: ['error', 'warn'],
      });
      try {
        const actor = { id: 'bench', role: 'super_admin' };
        const createStart = Date.now();
        const task = await app.get(ManageSettlementTasksUseCase).create({
          actor,
          payerCustomerId: payer,
          items: members.flatMap((m) => cycles.map((c) => ({ customerId: m.id, billingCycle: c }))),
          run: true,
        });
        const createSeconds = (Date.now() - createStart) / 1000;
        const due = Money.of(String(10 * 3 * ACCOUNTS), 'EUR');
        const settleStart = Date.now();
        const outcome = await app.get(TransactionRunner).run(
          async (tx) => {
            const [customer] = await app.get(CustomerRepository).byIds(tx, [payer], { lock: true });
            return app.get(CreditFundsPort).credit(tx, {
              customer,
              amount: due,
              collectionAccountId: null,
              key: 'bench-top-up',
              reference: task.reference,
              description: 'bench top-up',
            });
          },
          { timeoutMs: 120_000 },
        );
        const settleSeconds = (Date.now() - settleStart) / 1000;
        const status = (await client.query(`SELECT status FROM settlement_tasks WHERE id = $1`, [task.id])).rows[0]
          .status as string;
        const unsettled = (await client.query(`SELECT count(*)::int AS n FROM bills WHERE status <> 'settled'`)).rows[0]
          .n as number;
        const ledger = await app.get(LedgerVerifier).verify();
        console.log(
          `task over ${ACCOUNTS} accounts × 3 cycles: created in ${createSeconds.toFixed(2)} s, settled in ${settleSeconds.toFixed(2)} s (${status}, ${unsettled} bills left, the crediting left ${outcome.balanceAfter.toString()} EUR to the task)`,
        );
        console.log(
          JSON.stringify({
            bench: 'settlement-tasks',
            accounts: ACCOUNTS,
            bills: ACCOUNTS * 3,
            createSeconds: Number(createSeconds.toFixed(3)),
            settleSeconds: Number(settleSeconds.toFixed(3)),
            status,
            billsLeftUnsettled: unsettled,
            ledgerOk: ledger.ok,
            targets: { createSeconds: 1, settleSeconds: 3 },
            pass: createSeconds < 1 && settleSeconds < 3 && status === 'completed' && unsettled === 0 && ledger.ok,
          }),
        );
      } finally {
        await app.close();
      }
    } finally {
      await client.end();
    }
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
