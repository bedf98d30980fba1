import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ApiKeysService, type RoleName } from '@remitd/access';
import { loadConfig, type RemitdConfig } from '@remitd/config';
import { LedgerVerifier } from '@remitd/ledger';
import { DispatchNotificationsUseCase, SmtpEmailChannel, type NotificationChannel } from '@remitd/notifications';
import { PrismaService } from '@remitd/persistence';
import { ReconcileEntriesUseCase } from '@remitd/reconciliation';
import { LocalDirSource, PollStatementSourcesUseCase, type StatementSource } from '@remitd/statement-sources';
import { createAdminApi } from '../../apps/admin-api/src/main';
import { startReconciler } from '../../apps/reconciler/src/main';
import { startSmtpServer } from './smtp-server';
import { createTestDatabase } from './test-database';

/**
 * The whole system on a fresh database: the real admin API over HTTP, the reconciler's use
 * cases (driven step by step instead of by timers, so tests are deterministic), a local inbox,
 * and a real SMTP server catching the e-mails.
 */
export async function startSystem(
  opts: {
    env?: Record<string, string>;
    sources?: (inbox: string) => StatementSource[];
    /** channels beside the SMTP one (SMS) */
    channels?: NotificationChannel[];
  } = {},
) {
  const db = await createTestDatabase();
  const dir = mkdtempSync(path.join(tmpdir(), 'remitd-system-'));
  const inbox = path.join(dir, 'inbox');
  mkdirSync(inbox, { recursive: true });
  const smtp = await startSmtpServer();
  const config: RemitdConfig = loadConfig({
    DATABASE_URL: db.url,
    ADMIN_API_PORT: '0',
    RECONCILER_PORT: '0',
    REMITD_DATA_DIR: dir,
    DB_POOL_SIZE: '8',
    ...opts.env,
  });
  const api: INestApplication = await createAdminApi(config, { logger: false });
  await api.listen(0, '127.0.0.1');
  const channel = new SmtpEmailChannel({
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    from: 'billing@remitd.test',
  });
  const reconciler = await startReconciler(config, {
    logger: false,
    schedulers: false,
    channels: [channel, ...(opts.channels ?? [])],
    sources: opts.sources ? opts.sources(inbox) : [new LocalDirSource({ id: 'inbox', dir: inbox })],
  });
  const keys = api.get(ApiKeysService);
  const superKey = (await keys.ensureBootstrapKey())!;
  const prisma = api.get(PrismaService);
  const auth = { Authorization: `Bearer ${superKey}` };
  let n = 0;

  const sys = {
    db,
    dir,
    inbox,
    smtp,
    prisma,
    api,
    reconciler,
    auth,
    http: () => request(api.getHttpServer()),
    keyFor: async (role: RoleName, customerId?: string) =>
      (await keys.create({ actor: { id: 'test', role: 'super_admin' }, name: `test ${role}`, role, customerId })).key,
    drop: (name: string, content: string | Buffer) => writeFileSync(path.join(inbox, name), content),
    /** one turn of the daemon: poll sources, reconcile everything pending, send the outbox */
    tick: async () => {
      const files = await reconciler.ctx.get(PollStatementSourcesUseCase).execute();
      const reconciled = await reconciler.ctx.get(ReconcileEntriesUseCase).drain();
      const mail = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
      for (;;) {
        const r = await reconciler.ctx.get(DispatchNotificationsUseCase).execute();
        for (const k of Object.keys(mail) as (keyof typeof mail)[]) mail[k] += r[k];
        if (r.claimed === 0) break;
      }
      return { files, reconciled, mail };
    },
    verifyLedger: () => api.get(LedgerVerifier).verify(),
    /** a customer with an exclusive virtual account (over the API) */
    customer: async (body: Record<string, unknown> = {}) => {
      n++;
      const c = await sys
        .http()
        .post('/customers')
        .set(auth)
        .set('Idempotency-Key', `c-${n}-${Date.now()}`)
        .send({ name: `Customer ${n} Ltd`, email: `c${n}@customer.example`, currency: 'EUR', ...body });
      if (c.status !== 201) throw new Error(`customer: ${c.status} ${JSON.stringify(c.body)}`);
      const va = await sys
        .http()
        .post(`/customers/${c.body.id}/virtual-accounts`)
        .set(auth)
        .set('Idempotency-Key', `va-${c.body.id}`)
        .send({});
      if (va.status !== 201) throw new Error(`virtual account: ${va.status} ${JSON.stringify(va.body)}`);
      return { ...c.body, virtualAccount: va.body.number as string } as {
        id: string;
        reference: string;
        name: string;
        email: string;
        virtualAccount: string;
      };
    },
    /** bills are minimal in the reconciliation issue: created straight in the database */
    bill: async (customerId: string, cycle: string, amount: string, currency = 'EUR') => {
      const c = await prisma.customer.findUniqueOrThrow({ where: { id: customerId } });
      const [y, m] = cycle.split('-').map(Number);
      return prisma.bill.create({
        data: {
          customerId,
          reference: `B-${cycle.replace('-', '')}-${c.reference}`,
          billingCycle: cycle,
          issuedAt: new Date(Date.UTC(y, m, 2, 12)),
          currency,
          amount,
        },
      });
    },
    cash: async (customerId: string, currency = 'EUR') =>
      (
        await prisma.ledgerAccount.findUnique({ where: { code: `customer:${customerId}:cash:${currency}` } })
      )?.balance.toString() ?? '0',
    close: async () => {
      await reconciler.close();
      await api.close();
      await smtp.close();
      await db.drop();
    },
  };
  // the demo collection account all virtual accounts live under
  const ca = await sys
    .http()
    .post('/collection-accounts')
    .set(auth)
    .send({ name: 'Main collection', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', currencies: ['EUR', 'USD'] });
  if (ca.status !== 201) throw new Error(`collection account: ${ca.status} ${JSON.stringify(ca.body)}`);
  return sys;
}

export type TestSystem = Awaited<ReturnType<typeof startSystem>>;
