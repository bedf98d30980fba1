import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { Client } from 'pg';
import { ApiKeysService } from '@remitd/access';
import { WriteOffSweepUseCase } from '@remitd/billing';
import { LedgerService, cashAccount, externalAccount, transfer } from '@remitd/ledger';
import { Money } from '@remitd/money';
import { TransactionRunner } from '@remitd/persistence';
import { SettleTaskUseCase } from '@remitd/settlement-tasks';
import { buildCamt } from './support/camt-builder';
import { cycleBack } from './support/cycles';
import { responseConformance } from './support/openapi-conformance';
import { pdfText } from './support/pdf-text';
import { sessionCookie } from './support/session-cookie';
import { startSystem, type TestSystem } from './support/system';

const COLLECTION = 'DE89370400440532013000';

/**
 * Issue 15, unified settlement tasks (seed 001), over HTTP: eligibility, drafts, states, paying
 * from the creator's balance (a top-up through a real statement file), Stop during Settling,
 * write-off off while a task pays, permissions, CSV. The ledger's invariants after each scenario.
 */
describe('unified settlement tasks (seed 001)', () => {
  let sys: TestSystem;
  let settle: SettleTaskUseCase;
  let adminKey: string;
  let plainAdminKey: string;
  let n = 0;

  beforeAll(async () => {
    const seal = path.join(tmpdir(), `remitd-seal-${process.pid}.png`);
    writeFileSync(seal, onePixelPng());
    sys = await startSystem({
      env: {
        REMITD_SETTLEMENT_SEAL_PNG: seal,
        REMITD_SETTLEMENT_STAMP_TEXT: 'Settled by unified settlement task {task}',
      },
    });
    settle = sys.reconciler.ctx.get(SettleTaskUseCase);
    const keys = sys.api.get(ApiKeysService);
    const system = { id: 'test', role: 'super_admin' };
    adminKey = (await keys.create({ actor: system, name: 'us admin', role: 'admin', unifiedSettlement: true })).key;
    plainAdminKey = (await keys.create({ actor: system, name: 'plain admin', role: 'admin' })).key;
  });
  afterAll(() => sys.close());
  afterEach(async () => expect(await sys.verifyLedger()).toMatchObject({ ok: true }));

  const as = (key: string) => ({ Authorization: `Bearer ${key}` });
  const post = (path: string, body: unknown, auth: Record<string, string> = as(adminKey)) =>
    sys
      .http()
      .post(path)
      .set(auth)
      .set('Idempotency-Key', `k-${++n}`)
      .send(body as object);
  const get = (path: string, auth: Record<string, string> = as(adminKey)) => sys.http().get(path).set(auth);
  const relate = async (main: string, member: string) =>
    post('/financial-relationships', { mainCustomerId: main, memberCustomerId: member }, sys.auth).expect(201);
  const topUp = (customerId: string, amount: string) =>
    post(`/customers/${customerId}/top-ups`, { amount, reference: `TOPUP-${++n}` }, sys.auth).expect(201);
  /** money in the balance without a crediting (so no remittance settles anything): what the scheduler pass finds */
  const fund = (customerId: string, amount: string) =>
    sys.api.get(TransactionRunner).run((tx) =>
      sys.api.get(LedgerService).post(tx, {
        idempotencyKey: `test-fund:${customerId}:${++n}`,
        kind: 'test_funding',
        description: 'test funding',
        legs: transfer(externalAccount('test', 'EUR'), cashAccount(customerId, 'EUR'), Money.of(amount, 'EUR')),
      }),
    );
  const billStatus = async (id: string) => (await sys.prisma.bill.findUniqueOrThrow({ where: { id } })).status;

  /** a payer managing two members, each with bills of three past cycles */
  async function group(name: string) {
    const payer = await sys.customer({ name: `${name} Holding` });
    const alpha = await sys.customer({ name: `${name} Alpha` });
    const beta = await sys.customer({ name: `${name} Beta` });
    await relate(payer.id, alpha.id);
    await relate(payer.id, beta.id);
    const bills: Record<string, { id: string }> = {};
    for (const [c, label] of [
      [alpha, 'alpha'],
      [beta, 'beta'],
    ] as const)
      for (const k of [2, 3, 4]) bills[`${label}-${k}`] = await sys.bill(c.id, cycleBack(k), '100.00');
    return { payer, alpha, beta, bills };
  }
  const items = (pairs: [{ id: string }, number][]) =>
    pairs.map(([c, k]) => ({ customerId: c.id, billingCycle: cycleBack(k) }));

  it('A single Settlement Task can include bills from a maximum of three months, starting from April 2023, never the current month, once the bill is issued', async () => {
    const g = await group('Cap');
    const four = await sys.bill(g.alpha.id, cycleBack(5), '10.00');
    const r = await post('/settlement-tasks', {
      payerCustomerId: g.payer.id,
      items: items([
        [g.alpha, 2],
        [g.alpha, 3],
        [g.alpha, 4],
        [g.alpha, 5],
      ]),
    }).expect(400);
    expect(r.body.error.code).toBe('TOO_MANY_CYCLES');
    expect(four.billingCycle).toBe(cycleBack(5));
    // three cycles over several accounts is fine
    await post('/settlement-tasks', {
      payerCustomerId: g.payer.id,
      items: items([
        [g.alpha, 2],
        [g.beta, 2],
        [g.alpha, 3],
        [g.beta, 4],
      ]),
    }).expect(201);

    const old = await post('/settlement-tasks', {
      payerCustomerId: g.payer.id,
      items: [{ customerId: g.alpha.id, billingCycle: '2023-03' }],
    }).expect(400);
    expect(old.body.error.code).toBe('CYCLE_BEFORE_APRIL_2023');

    await sys.bill(g.alpha.id, cycleBack(0), '10.00');
    const current = await post('/settlement-tasks', {
      payerCustomerId: g.payer.id,
      items: items([[g.alpha, 0]]),
    }).expect(400);
    expect(current.body.error.code).toBe('CURRENT_MONTH_NOT_ALLOWED');

    // a bill not issued yet (issued in the future) is not eligible
    const c = await sys.customer({ name: 'Cap Gamma' });
    await relate(g.payer.id, c.id);
    await sys.prisma.bill.create({
      data: {
        customerId: c.id,
        reference: `B-FUTURE-${c.reference}`,
        billingCycle: cycleBack(2),
        issuedAt: new Date(Date.now() + 86_400_000),
        currency: 'EUR',
        amount: '5.00',
      },
    });
    const notIssued = await post('/settlement-tasks', {
      payerCustomerId: g.payer.id,
      items: items([[c, 2]]),
    }).expect(400);
    expect(notIssued.body.error.code).toBe('BILL_NOT_ISSUED');
  });

  it('The list displays bills grouped by account name, cycles descending; a Billing Cycle already in another Settlement Task is grayed out and cannot be selected (and of two racing creations one wins)', async () => {
    const g = await group('Grey');
    await post(`/customers/${g.alpha.id}/top-ups`, { amount: '100.00', reference: 'SETTLED' }, sys.auth).expect(201);
    const first = await post('/settlement-tasks', {
      payerCustomerId: g.payer.id,
      name: 'first',
      items: items([[g.beta, 3]]),
    }).expect(201);
    const list = (await get(`/settlement-tasks/candidates?payerCustomerId=${g.payer.id}`).expect(200)).body;
    expect(list.accounts.map((a: { customerName: string }) => a.customerName)).toEqual(['Grey Alpha', 'Grey Beta']);
    const beta = list.accounts[1];
    expect(beta.cycles.map((c: { billingCycle: string }) => c.billingCycle)).toEqual([
      cycleBack(2),
      cycleBack(3),
      cycleBack(4),
    ]);
    expect(beta.cycles[1]).toMatchObject({
      selectable: false,
      heldBy: { taskId: first.body.id, reference: first.body.reference },
    });
    // settled bills are listed too (seed 001: "select from all unsettled and settled bills")
    expect(
      list.accounts[0].cycles.find((c: { billingCycle: string }) => c.billingCycle === cycleBack(4)),
    ).toMatchObject({ billStatus: 'settled', toBeRepaid: '0.00', consumption: '100.00', selectable: true });

    const again = await post('/settlement-tasks', { payerCustomerId: g.payer.id, items: items([[g.beta, 3]]) }).expect(
      409,
    );
    expect(again.body.error).toMatchObject({
      code: 'CYCLE_IN_ANOTHER_TASK',
      details: { taskId: first.body.id, taskReference: first.body.reference },
    });
    expect(again.body.error.message).toContain(first.body.reference);

    // the race: two creations for the same cycle at once, one wins, the other is told which task has it
    const race = await Promise.all(
      [1, 2].map((k) =>
        post('/settlement-tasks', { payerCustomerId: g.payer.id, name: `race ${k}`, items: items([[g.alpha, 2]]) }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    const winner = race.find((r) => r.status === 201)!.body;
    expect(race.find((r) => r.status === 409)!.body.error).toMatchObject({
      code: 'CYCLE_IN_ANOTHER_TASK',
      details: { taskId: winner.id, taskReference: winner.reference },
    });
  });

  it('Edit and Delete a Settlement Task saved as a Draft; the default order is oldest first and a draft may be reordered', async () => {
    const g = await group('Draft');
    const d = await post('/settlement-tasks', {
      payerCustomerId: g.payer.id,
      items: items([
        [g.beta, 2],
        [g.alpha, 3],
        [g.beta, 3],
      ]),
    }).expect(201);
    expect(d.body.status).toBe('draft');
    expect(
      d.body.items.map((i: { customerName: string; billingCycle: string }) => `${i.customerName} ${i.billingCycle}`),
    ).toEqual([`Draft Alpha ${cycleBack(3)}`, `Draft Beta ${cycleBack(3)}`, `Draft Beta ${cycleBack(2)}`]);
    expect(d.body.totals).toEqual({ consumption: '300.00', toBeRepaid: '300.00', paidByTask: '0.00' });
    const edited = await sys
      .http()
      .patch(`/settlement-tasks/${d.body.id}`)
      .set(as(adminKey))
      .send({
        name: 'renamed',
        items: items([
          [g.beta, 2],
          [g.alpha, 2],
        ]),
      })
      .expect(200);
    expect(edited.body.name).toBe('renamed');
    expect(edited.body.items.map((i: { customerName: string }) => i.customerName)).toEqual([
      'Draft Beta',
      'Draft Alpha',
    ]);
    // the cycle dropped from the draft is free again
    await post('/settlement-tasks', { payerCustomerId: g.payer.id, items: items([[g.alpha, 3]]) }).expect(201);

    await sys.http().delete(`/settlement-tasks/${d.body.id}`).set(as(adminKey)).expect(200);
    await get(`/settlement-tasks/${d.body.id}`).expect(404);
    const list = (await get(`/settlement-tasks?payerCustomerId=${g.payer.id}`).expect(200)).body;
    expect(list.items.map((t: { id: string }) => t.id)).not.toContain(d.body.id);
  });

  it('each state transition (Draft → Running ⇄ Not Started → Closed, Running → Completed), and each refused one answers 409 with the current state', async () => {
    const g = await group('States');
    const t = await post('/settlement-tasks', { payerCustomerId: g.payer.id, items: items([[g.alpha, 2]]) }).expect(
      201,
    );
    const refused = async (action: string, status: string) => {
      const r = await post(`/settlement-tasks/${t.body.id}/${action}`, {}).expect(409);
      expect(r.body.error).toMatchObject({ code: 'SETTLEMENT_TASK_STATE', details: { status, action } });
    };
    await refused('enable', 'draft');
    await refused('stop', 'draft');
    await refused('close', 'draft');
    const running = await post(`/settlement-tasks/${t.body.id}/run`, {}).expect(200);
    expect(running.body.status).toBe('running'); // no balance yet
    await refused('run', 'running');
    await refused('enable', 'running');
    await refused('close', 'running');
    const del = await sys.http().delete(`/settlement-tasks/${t.body.id}`).set(as(adminKey)).expect(409);
    expect(del.body.error.details.status).toBe('running');
    expect((await post(`/settlement-tasks/${t.body.id}/stop`, {}).expect(200)).body.status).toBe('not_started');
    await refused('stop', 'not_started');
    await refused('run', 'not_started');
    expect((await post(`/settlement-tasks/${t.body.id}/enable`, {}).expect(200)).body.status).toBe('running');
    await post(`/settlement-tasks/${t.body.id}/stop`, {}).expect(200);
    const closed = await post(`/settlement-tasks/${t.body.id}/close`, {}).expect(200);
    expect(closed.body.status).toBe('closed');
    await refused('enable', 'closed');
    await refused('close', 'closed');
    expect(closed.body.history.map((h: { to: string }) => h.to)).toEqual([
      'draft',
      'running',
      'running',
      'not_started',
      'running',
      'running',
      'not_started',
      'closed',
    ]);
    expect(closed.body.history[1].actor).toMatchObject({ role: 'admin', id: expect.stringMatching(/^apikey:/) });
    // closed: the cycle may be chosen again
    const again = await post('/settlement-tasks', {
      payerCustomerId: g.payer.id,
      items: items([[g.alpha, 2]]),
      run: true,
    }).expect(201);
    expect(again.body.status).toBe('running');
    await fund(g.payer.id, '100.00');
    expect(await settle.pass()).toMatchObject({ completed: 1 });
    const done = (await get(`/settlement-tasks/${again.body.id}`).expect(200)).body;
    expect(done.status).toBe('completed');
    await post(`/settlement-tasks/${again.body.id}/stop`, {}).expect(409);
  });

  it('If the Account Balance is insufficient, the task remains Running; after a top-up (a statement file in the inbox) it settles by itself, in the same transaction as the crediting: transfers creator → member, then that member’s bills; one e-mail lists them', async () => {
    const g = await group('Topup');
    await topUp(g.payer.id, '150.00');
    const t = await post('/settlement-tasks', {
      payerCustomerId: g.payer.id,
      items: items([
        [g.alpha, 3],
        [g.beta, 3],
        [g.alpha, 2],
      ]),
      run: true,
    }).expect(201);
    expect(t.body.status).toBe('running');
    // oldest first: alpha's and beta's older cycle; 150 pays one and a half bills
    expect(await billStatus(g.bills['alpha-3'].id)).toBe('settled');
    expect(await billStatus(g.bills['beta-3'].id)).toBe('partly_paid');
    expect(await billStatus(g.bills['alpha-2'].id)).toBe('unsettled');
    expect(t.body.totals).toMatchObject({ consumption: '300.00', toBeRepaid: '150.00', paidByTask: '150.00' });
    expect(await sys.cash(g.payer.id)).toBe('0');
    const transfers = await sys.prisma.journalEntry.findMany({
      where: { kind: 'settlement_task_transfer', metadata: { path: ['settlementTaskId'], equals: t.body.id } },
    });
    expect(transfers).toHaveLength(2);

    const pay = (await get(`/settlement-tasks/${t.body.id}/payment`).expect(200)).body;
    expect(pay).toMatchObject({ amountDue: '150.00', balance: '0.00', paymentReference: t.body.reference });
    expect(pay.exclusiveAccount.number).toBe(g.payer.virtualAccount);

    // a scheduler pass with nothing to pay with does nothing
    expect(await settle.pass()).toMatchObject({ tasks: 0 });
    expect((await get(`/settlement-tasks/${t.body.id}`)).body.status).toBe('running');

    sys.drop(
      `topup-${t.body.reference}.xml`,
      buildCamt({
        statementId: `ST-${n}`,
        account: COLLECTION,
        entries: [
          {
            ref: `TOPUP-${t.body.reference}`,
            amount: '150.00',
            creditedAccount: g.payer.virtualAccount,
            remitterName: 'Topup Holding',
            ustrd: 'top-up',
          },
        ],
      }),
    );
    const tick = await sys.tick();
    expect(tick.reconciled).toMatchObject({ credited: 1 });
    // settled by the remittance itself: nothing left for the scheduler pass
    expect(await settle.pass()).toMatchObject({ tasks: 0 });
    const done = (await get(`/settlement-tasks/${t.body.id}`).expect(200)).body;
    expect(done.status).toBe('completed');
    expect(done.totals).toMatchObject({ toBeRepaid: '0.00', paidByTask: '300.00' });
    for (const k of ['alpha-3', 'beta-3', 'alpha-2']) expect(await billStatus(g.bills[k].id)).toBe('settled');
    expect(await billStatus(g.bills['beta-2'].id)).toBe('unsettled'); // not in the task
    expect(done.history.at(-1)).toMatchObject({ from: 'running', to: 'completed', actor: { id: 'system:reconciler' } });
    const remittance = await sys.prisma.remittance.findFirstOrThrow({ where: { customerId: g.payer.id } });
    expect(remittance.state).toBe('credited');
    // one e-mail to the creator lists every bill the task settled
    const mails = (await sys.smtp.waitFor(1)).filter(
      (m) => JSON.stringify(m.to).includes(g.payer.email) && m.subject === '3 bills have been paid',
    );
    expect(mails).toHaveLength(1);
    for (const k of ['alpha-3', 'beta-3', 'alpha-2'])
      expect(mails[0].text).toContain(
        (await sys.prisma.bill.findUniqueOrThrow({ where: { id: g.bills[k].id } })).reference,
      );
    expect(mails[0].text).toContain(t.body.reference);
    // repayments point at the task's journals
    const repayments = await sys.prisma.repayment.findMany({ where: { billId: g.bills['beta-3'].id } });
    expect(repayments.map((r) => r.amount.toString()).sort()).toEqual(['50', '50']);
  });

  it('a remittance whose reference names the task is applied to it even when it arrives in a member’s account', async () => {
    const g = await group('Named');
    const t = await post('/settlement-tasks', {
      payerCustomerId: g.payer.id,
      items: items([
        [g.alpha, 4],
        [g.beta, 4],
      ]),
      run: true,
    }).expect(201);
    expect(t.body.status).toBe('running');
    sys.drop(
      `named-${t.body.reference}.xml`,
      buildCamt({
        statementId: `ST-${++n}`,
        account: COLLECTION,
        entries: [
          {
            ref: `NAMED-${t.body.reference}`,
            amount: '200.00',
            creditedAccount: g.beta.virtualAccount,
            remitterName: 'Named Beta',
            ustrd: `settlement ${t.body.reference.toLowerCase()}`,
          },
        ],
      }),
    );
    expect((await sys.tick()).reconciled).toMatchObject({ credited: 1 });
    const done = (await get(`/settlement-tasks/${t.body.id}`).expect(200)).body;
    expect(done.status).toBe('completed');
    expect(await billStatus(g.bills['alpha-4'].id)).toBe('settled');
    expect(await billStatus(g.bills['beta-4'].id)).toBe('settled');
    // beta's other bills were not settled oldest first by the crediting: the money went to the task
    expect(await billStatus(g.bills['beta-3'].id)).toBe('unsettled');
    expect(await sys.cash(g.beta.id)).toBe('0');
    expect(await sys.cash(g.payer.id)).toBe('0');
  });

  it('a bill settled otherwise meanwhile drops out of the amount and is shown so in the task', async () => {
    const g = await group('Otherwise');
    const t = await post('/settlement-tasks', {
      payerCustomerId: g.payer.id,
      items: items([
        [g.alpha, 2],
        [g.beta, 2],
      ]),
      run: true,
    }).expect(201);
    expect(t.body.totals.toBeRepaid).toBe('200.00');
    await post(
      `/bills/${g.bills['alpha-2'].id}/payments`,
      { amount: '100.00', fromBalance: '0.00', external: { channel: 'offline', amount: '100.00', reference: 'CHQ-9' } },
      sys.auth,
    ).expect(201);
    const view = (await get(`/settlement-tasks/${t.body.id}`).expect(200)).body;
    expect(view.totals).toMatchObject({ consumption: '200.00', toBeRepaid: '100.00', paidByTask: '0.00' });
    expect(view.items.find((i: { customerId: string }) => i.customerId === g.alpha.id)).toMatchObject({
      billStatus: 'settled',
      toBeRepaid: '0.00',
      settledOtherwise: true,
    });
    expect((await get(`/settlement-tasks/${t.body.id}/payment`).expect(200)).body.amountDue).toBe('100.00');
    await fund(g.payer.id, '100.00');
    expect(await settle.pass()).toMatchObject({ completed: 1 });
    const done = (await get(`/settlement-tasks/${t.body.id}`).expect(200)).body;
    expect(done).toMatchObject({ status: 'completed', totals: { paidByTask: '100.00', toBeRepaid: '0.00' } });
    expect(await sys.cash(g.payer.id)).toBe('0');
  });

  it('After a Settlement Task is created, automatic write-off is disabled for the creator and every account; why-unsettled names the task; Stop restores it', async () => {
    const g = await group('WriteOff');
    await sys.http().patch(`/customers/${g.beta.id}`).set(sys.auth).send({ creditControl: true }).expect(200);
    const t = await post('/settlement-tasks', {
      payerCustomerId: g.payer.id,
      items: items([[g.beta, 4]]),
      run: true,
    }).expect(201);
    expect(t.body.status).toBe('running');
    // beta could pay by write-off now (a credit limit), but the task holds it
    await sys.http().patch(`/customers/${g.beta.id}`).set(sys.auth).send({ creditLimit: '1000.00' }).expect(200);
    const sweep = sys.reconciler.ctx.get(WriteOffSweepUseCase);
    await sweep.drain();
    await sweep.sweepAll();
    expect(await billStatus(g.bills['beta-4'].id)).toBe('unsettled');
    const why = (await get(`/bills/${g.bills['beta-4'].id}/why-unsettled`, sys.auth).expect(200)).body;
    const reason = why.reasons.find((r: { code: string }) => r.code === 'settlement_task');
    expect(reason.message).toContain(t.body.reference);
    expect(reason.message).toMatch(/a unified settlement task exists/);

    await post(`/settlement-tasks/${t.body.id}/stop`, {}).expect(200);
    expect(await sys.prisma.writeOffRequest.findUnique({ where: { customerId: g.beta.id } })).not.toBeNull();
    await sweep.drain();
    expect(await billStatus(g.bills['beta-4'].id)).toBe('settled');
    const after = (await get(`/bills/${g.bills['beta-4'].id}/why-unsettled`, sys.auth).expect(200)).body;
    expect(after.reasons.map((r: { code: string }) => r.code)).toEqual(['settled']);
  });

  it('Stop during Settling waits for the settlement in flight: the whole settlement or none of it, never half', async () => {
    const g = await group('Settling');
    const t = await post('/settlement-tasks', {
      payerCustomerId: g.payer.id,
      items: items([
        [g.alpha, 2],
        [g.beta, 2],
      ]),
      run: true,
    }).expect(201);
    await fund(g.payer.id, '500.00');
    // another session holds beta's row: the settlement pass takes the task, goes Settling and waits there
    const holder = new Client({ connectionString: sys.db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM customers WHERE id = $1 FOR UPDATE', [g.beta.id]);
      const passing = settle.pass();
      await waitFor(async () => (await get(`/settlement-tasks/${t.body.id}`)).body.status === 'settling');
      const stopping = post(`/settlement-tasks/${t.body.id}/stop`, {}).then((r) => r);
      // the Stop waits on the task's row, behind the settlement
      await waitFor(async () => (await lockWaiters(holder)) >= 2);
      await holder.query('COMMIT');
      expect(await passing).toMatchObject({ completed: 1 });
      const stop = await stopping;
      expect(stop.status).toBe(409);
      expect(stop.body.error.details.status).toBe('completed');
    } finally {
      await holder.end();
    }
    expect(await billStatus(g.bills['alpha-2'].id)).toBe('settled');
    expect(await billStatus(g.bills['beta-2'].id)).toBe('settled');
    expect(await sys.cash(g.payer.id)).toBe('300');
  });

  it('permissions: an admin without the unified-settlement permission gets 403, a member only its own bills, no relationship is refused', async () => {
    const g = await group('Perm');
    const stranger = await sys.customer({ name: 'Perm Stranger' });
    await sys.bill(stranger.id, cycleBack(2), '10.00');
    const body = { payerCustomerId: g.payer.id, items: items([[g.alpha, 2]]) };
    const plain = await post('/settlement-tasks', body, as(plainAdminKey)).expect(403);
    expect(plain.body.error.code).toBe('UNIFIED_SETTLEMENT_PERMISSION_REQUIRED');
    await get(`/settlement-tasks/candidates?payerCustomerId=${g.payer.id}`, as(plainAdminKey)).expect(403);
    const manager = await sys.keyFor('account_manager');
    expect((await post('/settlement-tasks', body, as(manager)).expect(403)).body.error.code).toBe('ROLE_FORBIDDEN');

    const none = await post('/settlement-tasks', {
      payerCustomerId: g.payer.id,
      items: items([[stranger, 2]]),
    }).expect(409);
    expect(none.body.error.code).toBe('NO_FINANCIAL_RELATIONSHIP');

    const memberKey = await sys.keyFor('member', g.alpha.id);
    const own = await post(
      '/settlement-tasks',
      {
        items: items([
          [g.alpha, 3],
          [g.alpha, 4],
        ]),
      },
      as(memberKey),
    ).expect(201);
    expect(own.body.payerCustomerId).toBe(g.alpha.id);
    const others = await post('/settlement-tasks', { items: items([[g.beta, 3]]) }, as(memberKey)).expect(403);
    expect(others.body.error.code).toBe('FORBIDDEN_CUSTOMER');
    await post('/settlement-tasks', body, as(memberKey)).expect(403);
    const adminTask = await post('/settlement-tasks', body).expect(201);
    await get(`/settlement-tasks/${adminTask.body.id}`, as(memberKey)).expect(403);
    const mine = (await get('/settlement-tasks', as(memberKey)).expect(200)).body;
    expect(mine.items.map((t: { id: string }) => t.id)).toEqual([own.body.id]);
    const candidates = (await get(`/settlement-tasks/candidates?payerCustomerId=${g.alpha.id}`, as(memberKey))).body;
    expect(candidates.accounts.map((a: { customerId: string }) => a.customerId)).toEqual([g.alpha.id]);
  });

  it('people signed in: an admin user holding the unified-settlement permission may create tasks, one without it gets 403', async () => {
    const g = await group('Session');
    const signIn = async (email: string, unifiedSettlement: boolean) => {
      await post(
        '/users',
        { email, name: email, role: 'admin', password: 'correct horse battery', unifiedSettlement },
        sys.auth,
      ).expect(201);
      const res = await sys.http().post('/auth/sign-in').send({ email, password: 'correct horse battery' }).expect(200);
      expect(res.body.user.unifiedSettlement).toBe(unifiedSettlement);
      return { Cookie: sessionCookie(res)!, 'X-CSRF-Token': res.body.csrfToken as string };
    };
    const body = { payerCustomerId: g.payer.id, items: items([[g.alpha, 2]]) };
    const without = await post('/settlement-tasks', body, await signIn('plain-admin@example.com', false)).expect(403);
    expect(without.body.error.code).toBe('UNIFIED_SETTLEMENT_PERMISSION_REQUIRED');
    const created = await post('/settlement-tasks', body, await signIn('us-admin@example.com', true)).expect(201);
    expect(created.body.createdBy).toMatchObject({ role: 'admin', name: 'us-admin@example.com' });
  });

  it('Export: the task as CSV with accounts, cycles, consumption, to be repaid, paid and status', async () => {
    const g = await group('Csv');
    await topUp(g.payer.id, '130.00');
    const t = await post('/settlement-tasks', {
      payerCustomerId: g.payer.id,
      items: items([
        [g.alpha, 2],
        [g.beta, 2],
      ]),
      run: true,
    }).expect(201);
    const csv = await get(`/settlement-tasks/${t.body.id}/export.csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'taskReference,taskStatus,account,customerId,billingCycle,billReference,currency,consumption,toBeRepaid,paidByTask,billStatus',
    );
    expect(lines.slice(1)).toEqual([
      `${t.body.reference},running,Csv Alpha,${g.alpha.id},${cycleBack(2)},${t.body.items[0].billReference},EUR,100.00,0.00,100.00,settled`,
      `${t.body.reference},running,Csv Beta,${g.beta.id},${cycleBack(2)},${t.body.items[1].billReference},EUR,100.00,70.00,30.00,partly_paid`,
    ]);
  });
  it('every answer of the settlement-task operations conforms to the OpenAPI document', async () => {
    const conforms = responseConformance((await sys.http().get('/docs/openapi.json').expect(200)).body);
    const differences: string[] = [];
    const check = (method: string, template: string, res: { status: number; body: unknown }) =>
      differences.push(...conforms(method, template, res.status, res.body));
    const g = await group('Shape');
    await topUp(g.payer.id, '50.00');
    check(
      'get',
      '/settlement-tasks/candidates',
      await get(`/settlement-tasks/candidates?payerCustomerId=${g.payer.id}`),
    );
    const d = await post('/settlement-tasks', { payerCustomerId: g.payer.id, items: items([[g.alpha, 2]]) });
    check('post', '/settlement-tasks', d);
    check('post', '/settlement-tasks', await post('/settlement-tasks', { payerCustomerId: g.payer.id, items: [] }));
    check(
      'post',
      '/settlement-tasks',
      await post('/settlement-tasks', { payerCustomerId: g.payer.id, items: items([[g.alpha, 2]]) }),
    );
    const id = d.body.id;
    check(
      'patch',
      '/settlement-tasks/{id}',
      await sys.http().patch(`/settlement-tasks/${id}`).set(as(adminKey)).send({ name: 'x' }),
    );
    check('get', '/settlement-tasks', await get(`/settlement-tasks?payerCustomerId=${g.payer.id}`));
    check('post', '/settlement-tasks/{id}/run', await post(`/settlement-tasks/${id}/run`, {}));
    check('get', '/settlement-tasks/{id}', await get(`/settlement-tasks/${id}`));
    check('get', '/settlement-tasks/{id}/payment', await get(`/settlement-tasks/${id}/payment`));
    check('post', '/settlement-tasks/{id}/stop', await post(`/settlement-tasks/${id}/stop`, {}));
    check('post', '/settlement-tasks/{id}/enable', await post(`/settlement-tasks/${id}/enable`, {}));
    check('post', '/settlement-tasks/{id}/close', await post(`/settlement-tasks/${id}/close`, {}));
    const other = await post('/settlement-tasks', { payerCustomerId: g.payer.id, items: items([[g.beta, 2]]) });
    check(
      'delete',
      '/settlement-tasks/{id}',
      await sys.http().delete(`/settlement-tasks/${other.body.id}`).set(as(adminKey)),
    );
    check('get', '/settlement-tasks/{id}', await get(`/settlement-tasks/${other.body.id}`));
    expect(differences).toEqual([]);
  });
  it('Download the stamped monthly bills in PDF format: each bill stamped with the task and sealed, and one consolidated PDF', async () => {
    const g = await group('Pdf');
    await topUp(g.payer.id, '150.00');
    const t = await post('/settlement-tasks', {
      payerCustomerId: g.payer.id,
      items: items([
        [g.alpha, 2],
        [g.beta, 2],
      ]),
      run: true,
    }).expect(201);
    const binary = (
      res: { on: (e: string, f: (c: Buffer) => void) => void },
      done: (e: Error | null, b: Buffer) => void,
    ) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    };
    // the stamp wraps inside its frame: compare without spaces
    const squeeze = (x: string) => x.replace(/\s+/g, '');
    const fetchPdf = async (url: string) => {
      const r = await sys.http().get(url).set(as(adminKey)).buffer(true).parse(binary).expect(200);
      expect(r.headers['content-type']).toMatch(/application\/pdf/);
      return r.body as Buffer;
    };
    const settled = await fetchPdf(`/settlement-tasks/${t.body.id}/bills/${t.body.items[0].billId}/pdf`);
    const settledText = pdfText(settled);
    expect(squeeze(settledText)).toContain(squeeze(`Settled by unified settlement task ${t.body.reference}`));
    expect(settledText).toContain(t.body.items[0].billReference);
    expect(settled.toString('latin1')).toMatch(/\/Subtype\s*\/Image/); // the seal
    const open = pdfText(await fetchPdf(`/settlement-tasks/${t.body.id}/bills/${t.body.items[1].billId}/pdf`));
    expect(squeeze(open)).toContain(squeeze(`In unified settlement task ${t.body.reference}: 50.00 EUR to be repaid`));
    // a bill outside the task is not exported through it
    await sys
      .http()
      .get(`/settlement-tasks/${t.body.id}/bills/${g.bills['alpha-3'].id}/pdf`)
      .set(as(adminKey))
      .expect(404);

    const all = pdfText(await fetchPdf(`/settlement-tasks/${t.body.id}/pdf`));
    expect(all).toContain(`Unified settlement task ${t.body.reference}`);
    expect(all).toContain('Pdf Alpha');
    expect(all).toContain('Pdf Beta');
    expect(all).toContain('200.00 EUR'); // consumption
    expect(all).toContain('150.00 EUR'); // paid by the task
    expect(squeeze(all)).toContain(squeeze(`Unified settlement task ${t.body.reference}: 50.00 EUR to be repaid`));
  });
});

/** the smallest valid PNG (1×1, opaque red): the provider's seal in tests */
function onePixelPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function lockWaiters(c: Client): Promise<number> {
  const r = await c.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return r.rows[0].n;
}
