import { Client } from 'pg';
import { IssueBillsUseCase } from '@remitd/billing';
import { startSystem, type TestSystem } from './support/system';

let keyNo = 0;
const key = () => `late-${++keyNo}-${Date.now()}`;

/**
 * Charges and issuance run on separate real PostgreSQL connections. A third connection (`holder`)
 * pauses one of them at a known point by holding a row the other needs, so each interleaving is
 * produced on purpose, not by chance; the tests wait for what pg_stat_activity shows, never sleep.
 */
describe('issue 11 item 4: charges can escape billing — a late or concurrent charge is always billed, amount and line alike', () => {
  let sys: TestSystem;
  let holder: Client;
  let monitor: Client;
  beforeAll(async () => {
    sys = await startSystem();
    holder = new Client({ connectionString: sys.db.url });
    monitor = new Client({ connectionString: sys.db.url });
    await holder.connect();
    await monitor.connect();
  });
  afterAll(async () => {
    await holder.end();
    await monitor.end();
    await sys.close();
  });

  const charge = (customerId: string, billingCycle: string, amount: string, k = key()) =>
    sys
      .http()
      .post(`/customers/${customerId}/charges`)
      .set(sys.auth)
      .set('Idempotency-Key', k)
      .send({ billingCycle, product: 'Compute', usage: '1 h', amount });
  const issue = (cycle: string) => sys.api.get(IssueBillsUseCase).execute(cycle, { force: true });

  /** Every bill's amount is the sum of its lines; every charge is on a bill or in a cycle not yet issued. */
  async function expectNothingEscaped() {
    const mismatched = await sys.prisma.$queryRaw<{ reference: string; amount: string; lines: string }[]>`
      SELECT b.reference, b.amount::text, COALESCE(SUM(l.amount), 0)::text AS lines
      FROM bills b LEFT JOIN bill_lines l ON l.bill_id = b.id
      GROUP BY b.id HAVING b.amount <> COALESCE(SUM(l.amount), 0)`;
    expect(mismatched).toEqual([]);
    const stranded = await sys.prisma.$queryRaw<{ id: string; billing_cycle: string }[]>`
      SELECT c.id::text, c.billing_cycle FROM charges c JOIN billing_runs r USING (billing_cycle) WHERE c.bill_id IS NULL`;
    expect(stranded).toEqual([]);
  }

  /** Waits (bounded) until a backend whose query matches `like` waits for a lock of `lockType`, or `done` settles. */
  async function blockedOn(like: string, lockType: 'advisory' | 'transactionid', done?: Promise<unknown>) {
    let settled = false;
    void done?.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let i = 0; i < 500; i++) {
      const r = await monitor.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted
         WHERE a.datname = current_database() AND l.locktype = $1 AND a.query ILIKE $2`,
        [lockType, like],
      );
      if (r.rows[0].n > 0) return true;
      if (settled) return false;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error(`nothing waited on a ${lockType} lock for ${like}`);
  }

  it('a charge recorded for a cycle already issued goes to the next cycle’s bill, never nowhere', async () => {
    const c = await sys.customer({ name: 'Late Usage Ltd', autoWriteOff: false });
    expect((await charge(c.id, '2026-01', '10.00')).status).toBe(201);
    await issue('2026-01');
    const late = await charge(c.id, '2026-01', '2.50');
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ billingCycle: '2026-02', deferredFromCycle: '2026-01', amount: '2.50' });
    const rerun = await sys.api.get(IssueBillsUseCase).execute('2026-01');
    expect(rerun.skipped).toBe('already_issued');
    await issue('2026-02');
    const bills = await sys.prisma.bill.findMany({ where: { customerId: c.id }, orderBy: { billingCycle: 'asc' } });
    expect(bills.map((b) => `${b.billingCycle}:${b.amount.toFixed(2)}`)).toEqual(['2026-01:10.00', '2026-02:2.50']);
    const audit = await sys.prisma.auditLog.findFirst({
      where: { action: 'charge.create', entityId: c.id },
      orderBy: { id: 'desc' },
    });
    expect(audit?.payload).toMatchObject({ billingCycle: '2026-02', deferredFromCycle: '2026-01' });
    await expectNothingEscaped();
  });

  it('a charge recorded for a cycle whose next cycle is issued too goes to the first cycle not yet issued', async () => {
    const c = await sys.customer({ name: 'Very Late Usage Ltd', autoWriteOff: false });
    await charge(c.id, '2026-03', '1.00');
    await charge(c.id, '2026-04', '1.00');
    await issue('2026-03');
    await issue('2026-04');
    expect((await charge(c.id, '2026-03', '4.00')).body).toMatchObject({
      billingCycle: '2026-05',
      deferredFromCycle: '2026-03',
    });
    await expectNothingEscaped();
  });

  it('a charge whose transaction is still open when issuance starts is on the bill: issuance waits for it', async () => {
    const c = await sys.customer({ name: 'In Flight Ltd', autoWriteOff: false });
    await charge(c.id, '2026-06', '10.00');
    // pause the charge's transaction after it wrote the charge: its idempotency record waits on ours
    const k = key();
    await holder.query('BEGIN');
    await holder.query(
      `INSERT INTO idempotency_records (scope, key, request_hash, response_status, response_body)
       SELECT 'apikey:' || id, $1, 'held', 201, '{}'::jsonb FROM api_keys`,
      [k],
    );
    const inFlight = charge(c.id, '2026-06', '7.00', k).then((r) => r);
    await blockedOn('%idempotency_records%', 'transactionid', inFlight);
    const issuing = issue('2026-06');
    const issuanceWaited = await blockedOn('%pg_advisory_xact_lock(%', 'advisory', issuing);
    await holder.query('ROLLBACK');
    const [recorded] = await Promise.all([inFlight, issuing]);
    await expectNothingEscaped();
    expect(recorded.status).toBe(201);
    expect(recorded.body.billingCycle).toBe('2026-06');
    expect(issuanceWaited).toBe(true);
    const bill = await sys.prisma.bill.findFirstOrThrow({
      where: { customerId: c.id, billingCycle: '2026-06' },
      include: { lines: true },
    });
    expect(bill.amount.toFixed(2)).toBe('17.00');
    expect(bill.lines.map((l) => l.amount.toFixed(2)).sort()).toEqual(['10.00', '7.00']);
    await expectNothingEscaped();
  });

  it('a charge committed while issuance runs never becomes a line missing from its bill’s amount', async () => {
    const a = await sys.customer({ name: 'Racing Ltd', autoWriteOff: false });
    const d = await sys.customer({ name: 'Paused Ltd', autoWriteOff: false });
    await charge(a.id, '2026-09', '10.00');
    await charge(d.id, '2026-09', '1.00');
    // pause issuance inside its bill insert: another transaction holds D's bill of the cycle
    await holder.query('BEGIN');
    await holder.query(
      `INSERT INTO bills (id, customer_id, reference, billing_cycle, issued_at, currency, amount)
       VALUES (gen_random_uuid(), $1, 'HELD', '2026-09', now(), 'EUR', 0)`,
      [d.id],
    );
    const issuing = issue('2026-09');
    await blockedOn('%INSERT INTO bills%', 'transactionid', issuing);
    const racing = charge(a.id, '2026-09', '5.00').then((r) => r);
    // the charge either waits for issuance (it must) or, without the lock, commits meanwhile
    await blockedOn('%pg_advisory_xact_lock_shared%', 'advisory', racing);
    await holder.query('ROLLBACK');
    const [, recorded] = await Promise.all([issuing, racing]);
    await expectNothingEscaped();
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ billingCycle: '2026-10', deferredFromCycle: '2026-09' });
    await issue('2026-10');
    const bills = await sys.prisma.bill.findMany({ where: { customerId: a.id }, orderBy: { billingCycle: 'asc' } });
    expect(bills.map((b) => `${b.billingCycle}:${b.amount.toFixed(2)}`)).toEqual(['2026-09:10.00', '2026-10:5.00']);
    await expectNothingEscaped();
  });

  it('many charges recorded while cycles are issued: each is billed exactly once, amounts equal lines', async () => {
    const customers = await Promise.all(
      [1, 2, 3].map((i) => sys.customer({ name: `Busy ${i} Ltd`, autoWriteOff: false })),
    );
    const cycle = '2027-01';
    // one charge committed first: a cycle without charges is not issued at all (issue 12 item 2)
    const first = await charge(customers[0].id, cycle, '1.00');
    const writes = Array.from({ length: 29 }, (_, i) => charge(customers[(i + 1) % 3].id, cycle, '1.00'));
    const issuing = issue(cycle);
    const more = Array.from({ length: 30 }, (_, i) => charge(customers[i % 3].id, cycle, '1.00'));
    const results = [first, ...(await Promise.all([...writes, ...more]))];
    await issuing;
    expect(results.every((r) => r.status === 201)).toBe(true);
    await issue('2027-02');
    const total = await sys.prisma.$queryRaw<{ sum: string }[]>`
      SELECT COALESCE(SUM(amount), 0)::text AS sum FROM bills WHERE customer_id = ANY(${customers.map((c) => c.id)}::uuid[])`;
    expect(Number(total[0].sum)).toBe(60);
    await expectNothingEscaped();
  });

  it('charges stranded on an issued cycle (recorded before the lock existed) are moved to the next open cycle', async () => {
    const c = await sys.customer({ name: 'Legacy Ltd', autoWriteOff: false });
    await charge(c.id, '2027-03', '3.00');
    await issue('2027-03');
    await sys.prisma.charge.create({
      data: { customerId: c.id, billingCycle: '2027-03', product: 'Old', usage: '1', amount: '9.00', currency: 'EUR' },
    });
    await sys.api.get(IssueBillsUseCase).issueDue(new Date('2027-05-02T12:00:00Z'));
    const moved = await sys.prisma.charge.findFirstOrThrow({ where: { customerId: c.id, product: 'Old' } });
    expect(moved).toMatchObject({ billingCycle: '2027-04', deferredFromCycle: '2027-03' });
    expect(moved.billId).not.toBeNull();
    await expectNothingEscaped();
  });
});
