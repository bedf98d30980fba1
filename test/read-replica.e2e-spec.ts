import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { ApiKeysService } from '@remitd/access';
import { loadConfig } from '@remitd/config';
import { READ_REPLICA_APPLICATION } from '@remitd/persistence';
import { createAdminApi } from '../apps/admin-api/src/main';
import { migrate, startReplicatedPostgres, type ReplicatedPostgres } from './support/pg-replication';

/**
 * DATABASE_READ_URL names a hot standby: the customer list, bills, repayments, audit log, outbox
 * and remittance queue (reads that tolerate lag) are served by it, except for the actor that just wrote, whose reads stay on the primary so it sees its
 * own change at once. Which server answered is read from pg_stat_activity on the standby, where
 * the replica's connections carry their own application_name.
 */
jest.setTimeout(180_000);

describe('read replica', () => {
  let pg: ReplicatedPostgres;
  let api: INestApplication;
  let dir: string;

  afterAll(async () => {
    await api?.close();
    await pg?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves lag-tolerant lists from the replica and an actor that just wrote from the primary', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'remitd-read-replica-'));
    pg = await startReplicatedPostgres({ prepare: migrate });
    api = await createAdminApi(
      loadConfig({
        DATABASE_URL: pg.primary.url,
        DATABASE_READ_URL: pg.urlOn(pg.standby.port, 'remitd'),
        REMITD_READ_YOUR_WRITES_MS: '600000',
        ADMIN_API_PORT: '0',
        RECONCILER_PORT: '0',
        REMITD_DATA_DIR: dir,
        DB_POOL_SIZE: '4',
      }),
      { logger: false },
    );
    await api.listen(0, '127.0.0.1');
    const keys = api.get(ApiKeysService);
    const writer = { Authorization: `Bearer ${(await keys.ensureBootstrapKey())!}` };
    const reader = {
      Authorization: `Bearer ${(await keys.create({ actor: { id: 'test', role: 'super_admin' }, name: 'reader', role: 'admin' })).key}`,
    };
    const http = () => request(api.getHttpServer());
    const replicaConnections = async () => {
      const c = new Client({ connectionString: pg.standby.adminUrl });
      await c.connect();
      try {
        const r = await c.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`,
          [READ_REPLICA_APPLICATION],
        );
        return r.rows[0].n;
      } finally {
        await c.end();
      }
    };

    const ca = await http()
      .post('/collection-accounts')
      .set(writer)
      .send({ name: 'Main collection', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', currencies: ['EUR'] });
    expect(ca.status).toBe(201);
    const created = await http()
      .post('/customers')
      .set(writer)
      .set('Idempotency-Key', 'rr-1')
      .send({ name: 'Replica Reads Ltd', email: 'rr@customer.example', currency: 'EUR' });
    expect(created.status).toBe(201);

    // the writer reads its own write at once: from the primary
    const own = await http().get('/customers').query({ search: 'Replica Reads' }).set(writer);
    expect(own.status).toBe(200);
    expect(own.body.items.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    expect(await replicaConnections()).toBe(0);

    // another actor's list page is served by the standby (once it has replayed the write)
    await pg.caughtUp();
    const other = await http().get('/customers').query({ search: 'Replica Reads' }).set(reader);
    expect(other.status).toBe(200);
    expect(other.body.items.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    expect(await replicaConnections()).toBeGreaterThan(0);

    // the other lag-tolerant pages (bills, repayments, audit log, outbox, remittances): with the
    // standby's replay paused, a payment the writer makes is on the primary only. The reader is
    // served the standby's older picture; the writer, who just wrote, its own payment.
    const customerId = created.body.id as string;
    const charge = await http()
      .post(`/customers/${customerId}/charges`)
      .set(writer)
      .set('Idempotency-Key', 'rr-charge')
      .send({ billingCycle: '2026-10', product: 'Compute', usage: '10 h', amount: '40.00' });
    expect(charge.status).toBe(201);
    expect([200, 201]).toContain(
      (await http().post('/billing-runs/2026-10?force=true').set(writer).set('Idempotency-Key', 'rr-run')).status,
    );
    const bills = (await http().get('/bills').query({ customerId }).set(writer)).body.items as {
      id: string;
      status: string;
    }[];
    expect(bills).toHaveLength(1);
    const unpaid = bills[0].status; // overdue by now: the cycle's due date has passed
    expect(unpaid).not.toBe('settled');
    await pg.caughtUp();
    const standby = new Client({ connectionString: pg.standby.adminUrl });
    await standby.connect();
    try {
      await standby.query('SELECT pg_wal_replay_pause()');
      // a top-up settles the open bill at once (automatic bill settlement): a repayment, audit entries
      const topUp = await http()
        .post(`/customers/${customerId}/top-ups`)
        .set(writer)
        .set('Idempotency-Key', 'rr-top-up')
        .send({ amount: '100.00', reference: 'RR-BANK-1' });
      expect(topUp.status).toBe(201);

      const seen = async (as: Record<string, string>) => ({
        bill: ((await http().get('/bills').query({ customerId }).set(as)).body.items as { status: string }[])[0].status,
        repayments: (await http().get('/repayments').query({ customerId }).set(as)).body.items.length as number,
        topUpAudited: (
          (await http().get('/audit-log').query({ limit: 20 }).set(as)).body.items as { action: string }[]
        ).some((e) => /top.?up/i.test(e.action)),
      });
      expect(await seen(writer)).toEqual({ bill: 'settled', repayments: 1, topUpAudited: true });
      expect(await seen(reader)).toEqual({ bill: unpaid, repayments: 0, topUpAudited: false });
      for (const page of ['/notifications', '/remittances', '/remittances/summary', '/dashboard'])
        expect((await http().get(page).set(reader)).status).toBe(200);
    } finally {
      await standby.query('SELECT pg_wal_replay_resume()');
      await standby.end();
    }
    // once the standby has replayed the payment, the reader sees it too
    await pg.caughtUp();
    const bill = (await http().get('/bills').query({ customerId }).set(reader)).body.items[0] as { status: string };
    expect(bill.status).toBe('settled');
    expect((await http().get('/repayments').query({ customerId }).set(reader)).body.items).toHaveLength(1);
  });
});
