import { Client } from 'pg';
import { WriteOffSweepUseCase } from '@remitd/billing';
import { startSystem, type TestSystem } from './support/system';

/**
 * Issue 14, "automatic settlement, done properly": the periodic write-off sweep and its immediate
 * triggers. Customers are queued in the transaction of what made a write-off possible; the sweep
 * (driven here step by step, every 15 s in the daemon) pays them.
 */
describe('automatic write-off: the sweep and its immediate triggers (seed 000)', () => {
  let sys: TestSystem;
  let sweep: WriteOffSweepUseCase;

  beforeAll(async () => {
    sys = await startSystem();
    sweep = sys.reconciler.ctx.get(WriteOffSweepUseCase);
  });
  afterAll(() => sys.close());
  afterEach(async () => expect((await sys.verifyLedger()).ok).toBe(true));

  const patch = (id: string, body: Record<string, unknown>) =>
    sys.http().patch(`/customers/${id}`).set(sys.auth).send(body).expect(200);
  const bill = (id: string) => sys.http().get(`/bills/${id}`).set(sys.auth).expect(200);
  const queued = async (customerId: string) =>
    (await sys.prisma.writeOffRequest.findUnique({ where: { customerId } }))?.reason ?? null;

  it('If your available credit is insufficient, the bill remains Unsettled; a credit limit raised pays it at the next sweep', async () => {
    const c = await sys.customer({ creditControl: true });
    const b = await sys.bill(c.id, '2026-09', '120.00');
    expect((await sweep.drain()).billsPaid).toBe(0);
    expect((await bill(b.id)).body.status).toBe('unsettled');

    await patch(c.id, { creditLimit: '500.00' });
    expect(await queued(c.id)).toBe('credit limit raised');
    const r = await sweep.drain();
    expect(r).toMatchObject({ customers: 1, billsPaid: 1, deferred: 0 });
    const after = (await bill(b.id)).body;
    expect(after.status).toBe('settled');
    expect(await queued(c.id)).toBeNull();
    // a second sweep finds nothing to do and pays nothing twice
    expect((await sweep.drain()).billsPaid).toBe(0);
  });

  it('a frozen amount lowered, or automatic bill settlement turned on, queues the customer too; a lowered limit does not', async () => {
    const c = await sys.customer({ creditControl: true });
    await patch(c.id, { creditLimit: '300.00', frozenAmount: '300.00' });
    await sweep.drain();
    await sys.bill(c.id, '2026-09', '50.00');
    await patch(c.id, { creditLimit: '200.00' });
    expect(await queued(c.id)).toBeNull();
    await patch(c.id, { frozenAmount: '0.00' });
    expect(await queued(c.id)).toBe('frozen amount lowered');
    expect((await sweep.drain()).billsPaid).toBe(1);

    const d = await sys.customer({ creditControl: true, autoWriteOff: false });
    await patch(d.id, { creditLimit: '100.00' });
    expect(await queued(d.id)).toBeNull(); // off: nothing to do
    const b = await sys.bill(d.id, '2026-09', '40.00');
    await patch(d.id, { autoWriteOff: true });
    expect(await queued(d.id)).toBe('automatic bill settlement turned on');
    await sweep.drain();
    expect((await bill(b.id)).body.status).toBe('settled');
  });

  it('During a manual payment, the automatic write-off feature is temporarily disabled and automatically resumes upon completion', async () => {
    const c = await sys.customer({ creditControl: true });
    const b = await sys.bill(c.id, '2026-09', '80.00');
    // another session holds the customer's payment lock, as a running manual payment does
    const holder = new Client({ connectionString: sys.db.url });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtext('payment:' || $1::text))`, [c.id]);
      await patch(c.id, { creditLimit: '100.00' });
      const held = await sweep.drain();
      expect(held).toMatchObject({ billsPaid: 0, deferred: 1 });
      expect(await queued(c.id)).toBe('manual payment ended');
      expect((await bill(b.id)).body.status).toBe('unsettled');
    } finally {
      await holder.query(`SELECT pg_advisory_unlock_all()`);
      await holder.end();
    }
    const resumed = await sweep.drain();
    expect(resumed).toMatchObject({ billsPaid: 1, deferred: 0 });
    expect((await bill(b.id)).body.status).toBe('settled');
  });

  it('a manual payment that ends queues the customer, so a bill it left unpaid is settled by the sweep', async () => {
    const c = await sys.customer({ creditControl: true, autoWriteOff: true });
    const b1 = await sys.bill(c.id, '2026-08', '30.00');
    const b2 = await sys.bill(c.id, '2026-09', '40.00');
    await sys
      .http()
      .post(`/customers/${c.id}/top-ups`)
      .set(sys.auth)
      .set('Idempotency-Key', `t-${c.id}`)
      .send({ amount: '70.00', reference: 'WIRE-1' })
      .expect(201);
    // the top-up settled both bills oldest first already; a new bill then a manual external payment
    expect((await bill(b1.id)).body.status).toBe('settled');
    expect((await bill(b2.id)).body.status).toBe('settled');
    const b3 = await sys.bill(c.id, '2026-10', '25.00');
    await sys
      .http()
      .post(`/bills/${b3.id}/payments`)
      .set(sys.auth)
      .set('Idempotency-Key', `mp-${b3.id}`)
      .send({
        amount: '10.00',
        fromBalance: '0.00',
        external: { channel: 'offline', amount: '10.00', reference: 'CHQ-1' },
      })
      .expect(201);
    expect(await queued(c.id)).toBe('manual payment ended');
    await patch(c.id, { creditLimit: '50.00' }); // already queued: the first reason stays
    await sweep.drain();
    expect((await bill(b3.id)).body.status).toBe('settled');
  });

  it('a manual payment by a customer without automatic write-off queues nothing: there is nothing to resume', async () => {
    const c = await sys.customer({ autoWriteOff: false });
    const b = await sys.bill(c.id, '2026-09', '25.00');
    await sys
      .http()
      .post(`/bills/${b.id}/payments`)
      .set(sys.auth)
      .set('Idempotency-Key', `mp-${b.id}`)
      .send({
        amount: '10.00',
        fromBalance: '0.00',
        external: { channel: 'offline', amount: '10.00', reference: 'CHQ-2' },
      })
      .expect(201);
    expect(await queued(c.id)).toBeNull();
    const why = await sys.http().get(`/bills/${b.id}/why-unsettled`).set(sys.auth).expect(200);
    expect(JSON.stringify(why.body)).not.toContain('write_off_queued');
  });

  it('the periodic sweep picks up a customer who can pay but was never queued', async () => {
    const c = await sys.customer({ creditControl: true });
    await patch(c.id, { creditLimit: '1000.00' });
    await sweep.drain();
    const b = await sys.bill(c.id, '2026-09', '99.99'); // written straight to the database: no trigger ran
    expect(await queued(c.id)).toBeNull();
    const r = await sweep.sweepAll();
    expect(r.billsPaid).toBeGreaterThanOrEqual(1);
    expect((await bill(b.id)).body.status).toBe('settled');
  });
});
