import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Money } from '@remitd/money';
import { AlertUntiedDaysUseCase } from '@remitd/reconciliation';
import { SftpSource } from '@remitd/statement-sources';
import { buildBai2 } from './support/bai2-builder';
import { startSftpServer, uploadAsBank, type SftpServerHandle } from './support/sftp-server';
import { startSystem, type TestSystem } from './support/system';

/**
 * A US bank reports the day in BAI2: the prior-day file with incoming wires and ACH credits to
 * customers' virtual accounts arrives on the bank's SFTP inbox, one turn of the daemon ingests
 * it, credits the customers and settles their bills oldest first.
 */
const USER = 'remitd';
const PASSWORD = 'sftp secret for tests';
const US_ACCOUNT = '9876543210';
const usd = (s: string) => Money.fromStored(s, 'USD').toString();

describe('BAI2 over SFTP: a prior-day file of wires and ACH credits to virtual accounts is credited, settles bills and the day ties', () => {
  let root: string;
  let server: SftpServerHandle;
  let sys: TestSystem;
  let collectionAccountId: string;

  const upload = (name: string, content: string) =>
    uploadAsBank(server, { username: USER, password: PASSWORD }, name, content);

  /** a USD customer with its exclusive account under the US collection account */
  const usCustomer = async (name: string) => {
    const c = await sys
      .http()
      .post('/customers')
      .set(sys.auth)
      .set('Idempotency-Key', `bai2-${name}`)
      .send({ name, email: `${name.split(' ')[0].toLowerCase()}@bai2.example`, currency: 'USD' });
    expect(c.status).toBe(201);
    const va = await sys
      .http()
      .post(`/customers/${c.body.id}/virtual-accounts`)
      .set(sys.auth)
      .set('Idempotency-Key', `bai2-va-${c.body.id}`)
      .send({ currency: 'USD', collectionAccountId });
    expect(va.status).toBe(201);
    return { id: c.body.id as string, reference: c.body.reference as string, virtualAccount: va.body.number as string };
  };

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'remitd-bai2-bank-'));
    mkdirSync(path.join(root, 'inbox'));
    server = await startSftpServer({ root, username: USER, password: PASSWORD });
    sys = await startSystem({
      sources: () => [
        new SftpSource({
          id: 'us-bank-sftp',
          ...server.client,
          remoteDir: '/inbox',
          connectTimeoutMs: 10_000,
          retries: 2,
          retryBaseDelayMs: 50,
        }),
      ],
    });
    const ca = await sys
      .http()
      .post('/collection-accounts')
      .set(sys.auth)
      .send({ name: 'US collection', accountNumber: US_ACCOUNT, routingNumber: '021000021', currencies: ['USD'] });
    expect(ca.status).toBe(201);
    collectionAccountId = ca.body.id;
  });
  afterAll(async () => {
    await sys.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('ingests the BAI2 file from SFTP, credits the wires and ACH credits and settles the bills oldest first', async () => {
    const wire = await usCustomer('Wire Payer Inc');
    const ach = await usCustomer('Ach Payer LLC');
    const w1 = await sys.bill(wire.id, '2026-09', '1000.00', 'USD');
    const w2 = await sys.bill(wire.id, '2026-10', '500.00', 'USD');
    const a1 = await sys.bill(ach.id, '2026-10', '300.00', 'USD');
    const file = buildBai2({
      account: US_ACCOUNT,
      asOfDate: '261201',
      opening: '0.00',
      details: [
        {
          typeCode: '195',
          amount: '1200.00',
          bankReference: 'FED26120100001',
          customerReference: 'INV-SEP-OCT',
          text: `INCOMING WIRE ORG: /021000089 WIRE PAYER INC BNF: /${wire.virtualAccount} REMITD OBI: SEP AND OCT`,
        },
        {
          typeCode: '208',
          amount: '300.00',
          bankReference: 'FED26120100002',
          text: 'INTL WIRE',
          continuations: ['DBNM: WIRE PAYER INC', `CACT: ${wire.virtualAccount}`, 'REMI: BALANCE OCT'],
        },
        {
          typeCode: '165',
          amount: '300.00',
          bankReference: 'ACH26120100003',
          text: 'ORIG CO NAME:ACH PAYER LLC CO ENTRY DESCR:VENDORPAY',
          continuations: [`CACT: ${ach.virtualAccount}`],
        },
        {
          typeCode: '169',
          amount: '45.50',
          bankReference: 'ACH26120100004',
          text: `ORIG CO NAME:ACH PAYER LLC CO ENTRY DESCR:TOPUP ${ach.reference}`,
        },
      ],
    });
    await upload('PRIOR-DAY-20261201.bai', file);

    const t = await sys.tick();
    expect(t.files).toEqual([
      expect.objectContaining({ sourceId: 'us-bank-sftp', name: 'PRIOR-DAY-20261201.bai', outcome: 'ingested' }),
    ]);
    expect(t.reconciled).toMatchObject({ processed: 4, credited: 4, unmatched: 0 });
    expect(existsSync(path.join(root, 'inbox', 'processed', 'PRIOR-DAY-20261201.bai'))).toBe(true);
    const stored = await sys.prisma.statementFile.findFirstOrThrow({ where: { fileName: 'PRIOR-DAY-20261201.bai' } });
    expect(stored).toMatchObject({ status: 'ingested', format: 'bai2', entryCount: 4 });

    // the wires: 1,200 + 300 = 1,500 pays September's 1,000 then October's 500
    const wireRemittances = await sys.prisma.remittance.findMany({ where: { customerId: wire.id } });
    expect(wireRemittances.map((r) => [r.rule, r.state])).toEqual([
      ['virtual_account', 'credited'],
      ['virtual_account', 'credited'],
    ]);
    expect(await sys.prisma.bill.findUniqueOrThrow({ where: { id: w1.id } })).toMatchObject({ status: 'settled' });
    expect(await sys.prisma.bill.findUniqueOrThrow({ where: { id: w2.id } })).toMatchObject({ status: 'settled' });
    expect(usd(await sys.cash(wire.id, 'USD'))).toBe('0.00');
    // the ACH credits: 300 to the virtual account settles the bill; 45.50 found by the reference stays as cash
    const achRules = (await sys.prisma.remittance.findMany({ where: { customerId: ach.id } }))
      .map((r) => r.rule)
      .sort();
    expect(achRules).toEqual(['customer_reference', 'virtual_account']);
    expect(await sys.prisma.bill.findUniqueOrThrow({ where: { id: a1.id } })).toMatchObject({ status: 'settled' });
    expect(usd(await sys.cash(ach.id, 'USD'))).toBe('45.50');

    const entry = await sys.prisma.statementEntry.findFirstOrThrow({ where: { bankReference: 'FED26120100001' } });
    expect(entry).toMatchObject({ rail: 'SWIFT', bankTransactionCode: 'BAI2:195', remitterName: 'WIRE PAYER INC' });
    expect(await sys.verifyLedger()).toMatchObject({ ok: true });

    // proof of cash: the bank's 1,845.50 all went from the bank-clearing account to customers
    const proof = await sys
      .http()
      .get(`/proof-of-cash?collectionAccountId=${collectionAccountId}&from=2026-12-01&to=2026-12-01`)
      .set(sys.auth);
    expect(proof.status).toBe(200);
    expect(proof.body.days).toEqual([
      {
        date: '2026-12-01',
        currency: 'USD',
        bankCredits: '1845.50',
        bankDebits: '0.00',
        bankMovement: '1845.50',
        bankOpening: '0.00',
        bankClosing: '1845.50',
        bankBalanced: true,
        ledgerMovement: '1845.50',
        ties: true,
        differences: [],
      },
    ]);
  });

  it('proof of cash: a day with an entry left unmatched does not tie and lists it as the difference (JSON and CSV)', async () => {
    const payer = await usCustomer('Next Day Payer Inc');
    await upload(
      'PRIOR-DAY-20261202.bai',
      buildBai2({
        account: US_ACCOUNT,
        asOfDate: '261202',
        fileId: '2',
        opening: '1845.50',
        details: [
          {
            typeCode: '195',
            amount: '700.00',
            bankReference: 'FED26120200001',
            text: 'INCOMING WIRE',
            continuations: ['DBNM: NEXT DAY PAYER INC', `CACT: ${payer.virtualAccount}`],
          },
          { typeCode: '195', amount: '12.34', bankReference: 'FED26120200002', text: 'INCOMING WIRE ORG: SOMEBODY' },
        ],
      }),
    );
    const t = await sys.tick();
    expect(t.reconciled).toMatchObject({ processed: 2, credited: 1, unmatched: 1 });
    const url = `/proof-of-cash?collectionAccountId=${collectionAccountId}&from=2026-12-01&to=2026-12-02`;
    const proof = await sys.http().get(url).set(sys.auth);
    expect(proof.status).toBe(200);
    expect(proof.body.days.map((d: { date: string; ties: boolean }) => [d.date, d.ties])).toEqual([
      ['2026-12-01', true],
      ['2026-12-02', false],
    ]);
    const day = proof.body.days[1];
    expect(day).toMatchObject({ bankMovement: '712.34', bankBalanced: true, ledgerMovement: '700.00' });
    expect(day.differences).toEqual([
      {
        kind: 'unmatched_queue',
        entryId: expect.any(String),
        bankReference: 'FED26120200002',
        amount: '12.34',
        explanation: 'waiting in the unmatched queue (held in suspense)',
      },
    ]);

    const csv = await sys.http().get(url).set(sys.auth).set('Accept', 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'date,currency,bankCredits,bankDebits,bankMovement,bankOpening,bankClosing,ledgerMovement,ties,kind,bankReference,amount,explanation',
    );
    expect(lines.slice(1)).toEqual([
      '2026-12-01,USD,1845.50,0.00,1845.50,0.00,1845.50,1845.50,ties,,,,',
      '2026-12-02,USD,712.34,0.00,712.34,1845.50,2557.84,700.00,does not tie,unmatched_queue,FED26120200002,12.34,waiting in the unmatched queue (held in suspense)',
    ]);
    expect((await sys.http().get(`${url}&format=csv`).set(sys.auth)).text).toBe(csv.text);

    // the closed days are checked: 2026-12-02 does not tie and becomes one statement alert, however often checked
    const untied = sys.reconciler.ctx.get(AlertUntiedDaysUseCase);
    const next = new Date('2026-12-03T09:00:00Z');
    expect(await untied.execute(next)).toEqual({ daysChecked: 2, alerts: 1 });
    expect(await untied.execute(next)).toEqual({ daysChecked: 2, alerts: 0 });
    const alerts = await sys.http().get('/statement-alerts').set(sys.auth);
    expect(alerts.status).toBe(200);
    const untiedAlerts = alerts.body.items.filter((a: { kind: string }) => a.kind === 'proof_of_cash_does_not_tie');
    expect(untiedAlerts).toHaveLength(1);
    expect(untiedAlerts[0]).toMatchObject({
      accountKey: US_ACCOUNT,
      message: `proof of cash: 2026-12-02 does not tie for ${US_ACCOUNT} (USD): the bank booked 712.34, the books moved 700.00; 1 difference(s)`,
      details: {
        day: '2026-12-02',
        currency: 'USD',
        collectionAccountId,
        differences: [expect.objectContaining({ kind: 'unmatched_queue', bankReference: 'FED26120200002' })],
      },
    });
    expect(await sys.verifyLedger()).toMatchObject({ ok: true });
  });

  it('an ACH return in the next BAI2 file undoes the credit and reopens the bill; both days tie', async () => {
    const payer = await usCustomer('Returned Payer LLC');
    const bill = await sys.bill(payer.id, '2026-11', '250.00', 'USD');
    const credit = {
      typeCode: '165',
      amount: '250.00',
      bankReference: 'ACH26120300001',
      text: 'ORIG CO NAME:RETURNED PAYER LLC CO ENTRY DESCR:NOV BILL',
      continuations: [`CACT: ${payer.virtualAccount}`, 'EREF: RP-NOV-0001'],
    };
    await upload(
      'PRIOR-DAY-20261203.bai',
      buildBai2({ account: US_ACCOUNT, asOfDate: '261203', fileId: '3', opening: '2557.84', details: [credit] }),
    );
    expect((await sys.tick()).reconciled).toMatchObject({ processed: 1, credited: 1 });
    expect(await sys.prisma.bill.findUniqueOrThrow({ where: { id: bill.id } })).toMatchObject({ status: 'settled' });

    // the originator's bank returns it (R10): the bank debits the collection account
    await upload(
      'PRIOR-DAY-20261204.bai',
      buildBai2({
        account: US_ACCOUNT,
        asOfDate: '261204',
        fileId: '4',
        opening: '2807.84',
        details: [
          {
            typeCode: '557',
            amount: '250.00',
            bankReference: 'ACH26120400001',
            text: 'ACH RETURN RETURN REASON: R10 ORIG CO NAME:RETURNED PAYER LLC',
            continuations: ['EREF: RP-NOV-0001'],
          },
        ],
      }),
    );
    await sys.tick();
    const returned = await sys.prisma.statementEntry.findFirstOrThrow({ where: { bankReference: 'ACH26120400001' } });
    expect(returned).toMatchObject({ reversal: true, returnReasonCode: 'R10', rail: 'ACH', direction: 'DBIT' });
    const original = await sys.prisma.statementEntry.findFirstOrThrow({ where: { bankReference: 'ACH26120300001' } });
    expect(await sys.prisma.remittance.findFirstOrThrow({ where: { entryId: original.id } })).toMatchObject({
      state: 'reversed',
      reversedByEntryId: returned.id,
    });
    expect((await sys.prisma.bill.findUniqueOrThrow({ where: { id: bill.id } })).status).not.toBe('settled');

    const proof = await sys
      .http()
      .get(`/proof-of-cash?collectionAccountId=${collectionAccountId}&from=2026-12-03&to=2026-12-04`)
      .set(sys.auth);
    expect(proof.body.days).toEqual([
      expect.objectContaining({ date: '2026-12-03', bankMovement: '250.00', ledgerMovement: '250.00', ties: true }),
      expect.objectContaining({
        date: '2026-12-04',
        bankDebits: '250.00',
        bankMovement: '-250.00',
        ledgerMovement: '-250.00',
        bankBalanced: true,
        ties: true,
        differences: [],
      }),
    ]);
    expect(await sys.verifyLedger()).toMatchObject({ ok: true });
  });

  it('proof of cash: refuses a reversed range and an unknown collection account', async () => {
    const reversed = await sys
      .http()
      .get(`/proof-of-cash?collectionAccountId=${collectionAccountId}&from=2026-12-02&to=2026-12-01`)
      .set(sys.auth);
    expect(reversed.status).toBe(400);
    const unknown = await sys
      .http()
      .get('/proof-of-cash?collectionAccountId=00000000-0000-4000-8000-000000000000&from=2026-12-01&to=2026-12-01')
      .set(sys.auth);
    expect(unknown.status).toBe(404);
  });
});
