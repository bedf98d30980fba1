import { loadConfig } from '@remitd/config';
import {
  DEDUPE_KEY_HEADER,
  DEFAULT_RETRY_POLICY,
  DispatchNotificationsUseCase,
  messageIdFor,
  OutboxRepository,
  SmtpEmailChannel,
  type NotificationChannel,
  type OutboundMessage,
  type SendResult,
} from '@remitd/notifications';
import { ReconcileEntriesUseCase } from '@remitd/reconciliation';
import { PollStatementSourcesUseCase } from '@remitd/statement-sources';
import type { ParsedMail } from 'mailparser';
import { startReconciler } from '../apps/reconciler/src/main';
import { buildCamt, type CamtEntrySpec } from './support/camt-builder';
import { startSmtpServer, type TestSmtpServer } from './support/smtp-server';
import { startSystem, type TestSystem } from './support/system';

/**
 * The notification outbox end to end: the messages the real flows queue (virtual account
 * created over the API, funds received from a dropped statement) are sent at least once, each
 * carrying its dedupe key (header and Message-ID); an SMTP outage loses nothing; a recipient the
 * server refuses for good ends `failed` with the reason; racing dispatchers send each message once.
 */

const COLLECTION = 'DE89370400440532013000';
let fileNo = 0;
const statement = (entries: CamtEntrySpec[]) =>
  buildCamt({ statementId: `N-${++fileNo}`, account: COLLECTION, entries });
const dedupeKeyOf = (m: ParsedMail) => m.headers.get(DEDUPE_KEY_HEADER.toLowerCase()) as string | undefined;
const to = (m: ParsedMail) => JSON.stringify(m.to);

type Reconciler = Awaited<ReturnType<typeof startReconciler>>;

describe('notifications: at least once, with a dedupe key, nothing lost when SMTP is down', () => {
  let sys: TestSystem;
  let bouncer: TestSmtpServer;
  const replicas: Reconciler[] = [];

  /** another reconciler replica on the same database, sending through its own SMTP channel */
  const replica = async (smtpPort: number) => {
    const config = loadConfig({
      DATABASE_URL: sys.db.url,
      RECONCILER_PORT: '0',
      REMITD_DATA_DIR: sys.dir,
      DB_POOL_SIZE: '4',
    });
    const r = await startReconciler(config, {
      logger: false,
      schedulers: false,
      sources: [],
      channels: [
        new SmtpEmailChannel({ host: '127.0.0.1', port: smtpPort, secure: false, from: 'billing@remitd.test' }),
      ],
    });
    replicas.push(r);
    return r.ctx.get(DispatchNotificationsUseCase);
  };
  const dispatcher = () => sys.reconciler.ctx.get(DispatchNotificationsUseCase);
  const rowsFor = (recipient: string) =>
    sys.prisma.notification.findMany({ where: { recipient }, orderBy: { template: 'asc' } });
  /** as if the retry delay (or a lease) had run out */
  const makeDue = () =>
    sys.prisma.$executeRaw`UPDATE notifications SET next_attempt_at = now() WHERE status = 'pending'`;
  const dueNow = async () =>
    (
      await sys.prisma.$queryRaw<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM notifications WHERE status = 'pending' AND next_attempt_at <= now()`
    )[0].n;

  beforeAll(async () => {
    sys = await startSystem();
    bouncer = await startSmtpServer({ rejectRecipients: ['bounce@customer.example'] });
  });
  afterEach(async () => {
    // every scenario leaves nothing due behind for the next one
    expect(await dueNow()).toBe(0);
  });
  afterAll(async () => {
    for (const r of replicas) await r.close();
    await bouncer.close();
    await sys.close();
  });

  it('keeps the messages pending through an SMTP outage and sends each exactly once when the server is back', async () => {
    sys.smtp.setDown(true);
    const c = await sys.customer({ name: 'Outage GmbH', email: 'outage@customer.example' });
    await sys.bill(c.id, '2026-09', '100.00');
    sys.drop(
      'outage.xml',
      statement([{ ref: 'OUT-1', amount: '150.00', creditedAccount: c.virtualAccount, remitterName: 'Outage GmbH' }]),
    );
    const t = await sys.tick();
    expect(t.reconciled).toMatchObject({ credited: 1 });
    expect(t.mail).toMatchObject({ claimed: 2, sent: 0, retrying: 2, failed: 0 });

    const queued = await rowsFor(c.email);
    expect(queued.map((n) => n.template)).toEqual(['funds-received', 'virtual-account-created']);
    expect(queued.map((n) => n.dedupeKey)).toEqual([
      expect.stringMatching(/^funds-received:entry:/),
      expect.stringMatching(/^virtual-account-created:/),
    ]);
    for (const n of queued) {
      expect(n).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
      expect(n.lastError).toMatch(/421|not available/i);
    }
    const [{ future }] = await sys.prisma.$queryRaw<{ future: boolean }[]>`
      SELECT bool_and(next_attempt_at > now()) AS future FROM notifications WHERE recipient = ${c.email}`;
    expect(future).toBe(true);
    // not due yet: another run leaves them alone
    expect(await dispatcher().execute()).toMatchObject({ claimed: 0 });

    // a second failed attempt while still down: still pending, attempts counted
    await makeDue();
    expect(await dispatcher().execute()).toMatchObject({ claimed: 2, retrying: 2 });
    expect((await rowsFor(c.email)).map((n) => [n.status, n.attempts])).toEqual([
      ['pending', 2],
      ['pending', 2],
    ]);
    expect(sys.smtp.messages).toHaveLength(0);

    sys.smtp.setDown(false);
    await makeDue();
    expect(await dispatcher().execute()).toMatchObject({ claimed: 2, sent: 2, retrying: 0, failed: 0 });
    const sent = await rowsFor(c.email);
    for (const n of sent) {
      expect(n).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
      expect(n.sentAt).toBeInstanceOf(Date);
    }
    const mails = sys.smtp.messages.filter((m) => to(m).includes(c.email));
    expect(mails.map(dedupeKeyOf).sort()).toEqual(sent.map((n) => n.dedupeKey).sort());
    for (const m of mails) expect(m.messageId).toBe(messageIdFor(dedupeKeyOf(m)!));
    expect(mails.find((m) => dedupeKeyOf(m)!.startsWith('funds-received'))?.subject).toMatch(/Payment received/);
    expect(mails.find((m) => dedupeKeyOf(m)!.startsWith('virtual-account-created'))?.text).toContain(c.reference);

    // sent means sent: nothing goes out again
    await makeDue();
    expect(await dispatcher().execute()).toMatchObject({ claimed: 0 });
    expect(sys.smtp.messages.filter((m) => to(m).includes(c.email))).toHaveLength(2);
  });

  it('resends with the same dedupe key and Message-ID when a sender dies after SMTP accepted the message (at least once)', async () => {
    // a sender that hands the message to SMTP and then never gets to mark it sent (its process died)
    const smtp = new SmtpEmailChannel({
      host: '127.0.0.1',
      port: sys.smtp.port,
      secure: false,
      from: 'billing@remitd.test',
    });
    const dying: NotificationChannel = {
      name: 'email',
      send: async (msg: OutboundMessage): Promise<SendResult> => {
        await smtp.send(msg);
        return new Promise<SendResult>(() => undefined);
      },
    };
    const doomed = new DispatchNotificationsUseCase(
      sys.reconciler.ctx.get(OutboxRepository),
      [dying],
      DEFAULT_RETRY_POLICY,
    );
    const before = sys.smtp.messages.length;
    const c = await sys.customer({ name: 'Crashy Sender Ltd', email: 'crashy@customer.example' });
    void doomed.execute(50, 60_000);
    await sys.smtp.waitFor(before + 1);
    const [claimed] = await rowsFor(c.email);
    expect(claimed).toMatchObject({ status: 'pending', attempts: 1 });
    // leased: the live dispatcher does not touch it while the lease runs
    expect(await dispatcher().execute()).toMatchObject({ claimed: 0 });

    await makeDue(); // the lease ran out
    expect(await dispatcher().execute()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await rowsFor(c.email)).toEqual([expect.objectContaining({ status: 'sent', attempts: 2 })]);
    const copies = sys.smtp.messages.filter((m) => to(m).includes(c.email));
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map(dedupeKeyOf))).toEqual(new Set([claimed.dedupeKey]));
    expect(new Set(copies.map((m) => m.messageId))).toEqual(new Set([messageIdFor(claimed.dedupeKey)]));
  });

  it('marks a message the server refuses for good (550 recipient) failed with the reason, without retrying it', async () => {
    const viaBouncer = await replica(bouncer.port);
    const c = await sys.customer({ name: 'Bounce SARL', email: 'bounce@customer.example' });
    expect(await viaBouncer.execute()).toMatchObject({ claimed: 1, sent: 0, retrying: 0, failed: 1 });
    const [n] = await rowsFor(c.email);
    expect(n).toMatchObject({ status: 'failed', attempts: 1, sentAt: null, template: 'virtual-account-created' });
    expect(n.lastError).toMatch(/550/);
    expect(n.lastError).toMatch(/mailbox unavailable/i);
    expect(bouncer.messages).toHaveLength(0);
    await makeDue();
    expect(await viaBouncer.execute()).toMatchObject({ claimed: 0 });
    expect(await dispatcher().execute()).toMatchObject({ claimed: 0 });
  });

  it('lets two dispatchers race over the outbox and sends every message exactly once', async () => {
    const other = await replica(sys.smtp.port);
    const customers = [];
    for (let i = 0; i < 20; i++)
      customers.push(await sys.customer({ name: `Race Mail ${i} Oy`, email: `race${i}@customer.example` }));
    sys.drop(
      'race.xml',
      statement(
        customers.map((c, i) => ({ ref: `RACE-MAIL-${i}`, amount: `${10 + i}.00`, creditedAccount: c.virtualAccount })),
      ),
    );
    await sys.reconciler.ctx.get(PollStatementSourcesUseCase).execute();
    expect(await sys.reconciler.ctx.get(ReconcileEntriesUseCase).drain()).toMatchObject({ credited: 20 });
    const queued = await sys.prisma.notification.findMany({
      where: { recipient: { in: customers.map((c) => c.email) } },
    });
    expect(queued).toHaveLength(40);
    expect(await dueNow()).toBe(40);

    const before = sys.smtp.messages.length;
    let claimed = 0;
    for (;;) {
      const results = await Promise.all([
        dispatcher().execute(3),
        other.execute(3),
        dispatcher().execute(3),
        other.execute(3),
      ]);
      const round = results.reduce((s, r) => s + r.claimed, 0);
      expect(results.every((r) => r.sent === r.claimed)).toBe(true);
      claimed += round;
      if (round === 0) break;
    }
    expect(claimed).toBe(40);
    const arrived = sys.smtp.messages.slice(before);
    expect(arrived).toHaveLength(40);
    expect(arrived.map(dedupeKeyOf).sort()).toEqual(queued.map((n) => n.dedupeKey).sort());
    expect(new Set(arrived.map((m) => m.messageId)).size).toBe(40);
    const after = await sys.prisma.notification.findMany({ where: { id: { in: queued.map((n) => n.id) } } });
    expect(after.every((n) => n.status === 'sent' && n.attempts === 1)).toBe(true);
  });
});
