import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { decide, type MatchLookups } from '@remitd/matching';
import { naturalKey } from '../natural-key';
import { DEFAULT_PARSER_LIMITS } from '../parser-limits';
import { collectStatements, detectFormat, readStatements } from '../read-statements';
import { StatementParseError, type ParsedEntry, type ParsedStatement } from '../statement.model';
import type { StatementEvent } from '../statement-events';
import { detectBai2, readBai2, type Bai2Options } from './bai2.parser';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/bai2');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'latin1');

async function* chunks(data: string, size = Infinity): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(data, 'latin1');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
}

async function events(data: string, size = Infinity, options?: Bai2Options): Promise<StatementEvent[]> {
  const out: StatementEvent[] = [];
  for await (const e of readBai2(chunks(data, size), 'test.bai', options)) out.push(e);
  return out;
}

const parse = async (data: string, options?: Bai2Options): Promise<ParsedStatement[]> =>
  collectStatements(
    (async function* () {
      for (const e of await events(data, Infinity, options)) yield e;
    })(),
  );

async function failure(data: string, options?: Bai2Options): Promise<StatementParseError> {
  const error = await parse(data, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StatementParseError);
  return error as StatementParseError;
}

/** A one-account file whose totals add up: 100 + 150 + 50 = 300; 3, 5 and 7 records. */
const MINI = [
  '01,BANK,REMITD,261202,0600,1,,,2/',
  '02,REMITD,BANK,1,261201,,USD,2/',
  '03,111,,010,100,,,015,150,,/',
  '16,195,50,0,REF1,,WIRE/',
  '49,300,3/',
  '98,300,1,5/',
  '99,300,1,7/',
].join('\n');

const byRef = (statements: ParsedStatement[], ref: string): ParsedEntry =>
  statements.flatMap((s) => s.entries).find((e) => e.bankReference === ref)!;

describe('BAI2 reader: records 01 02 03 16 49 98 99 to the normalized model', () => {
  it('reads a prior-day file: one statement per account, balances of the as-of date, opening + entries = closing', async () => {
    const text = fixture('prior-day-wires-ach.bai');
    expect(detectBai2(text)).toBe(true);
    expect(detectFormat(text)).toBe('bai2');
    const statements = await parse(text);
    expect(statements).toHaveLength(2);
    const [first, second] = statements;
    expect(first).toMatchObject({
      format: 'bai2',
      account: '9876543210',
      accountCurrency: 'USD',
      createdAt: '2026-12-02T06:00:00',
      fromDate: '2026-12-01',
      toDate: '2026-12-01',
      openingBalance: { amount: '10000.00', signedAmount: '10000.00', currency: 'USD', date: '2026-12-01' },
      closingBalance: { amount: '26580.50', currency: 'USD', date: '2026-12-01' },
      balanced: true,
      warnings: [],
    });
    expect(first.entries).toHaveLength(10);
    expect(first.entries.map((e) => e.location)).toEqual([
      'line 4',
      'line 5',
      'line 8',
      'line 9',
      'line 10',
      'line 11',
      'line 12',
      'line 13',
      'line 14',
      'line 15',
    ]);
    expect(second).toMatchObject({ account: '1234500000', entries: [], balanced: true });
  });

  it('maps type codes to rails: wires 195/208, ACH 165/169, lockbox 115 and cash 366 flagged, returns 257, unknown codes kept with their number', async () => {
    const s = await parse(fixture('prior-day-wires-ach.bai'));
    expect(byRef(s, 'FED2612010001')).toMatchObject({
      direction: 'CRDT',
      amount: { amount: '12500.00', currency: 'USD' },
      rail: 'SWIFT',
      bankTransactionCode: 'BAI2:195',
      bookingDate: '2026-12-01',
      valueDate: '2026-12-01',
      status: 'BOOK',
      reversal: false,
    });
    expect(byRef(s, 'FED2612010002')).toMatchObject({ rail: 'SWIFT', bankTransactionCode: 'BAI2:208' });
    expect(byRef(s, 'ACH2612010003')).toMatchObject({ rail: 'ACH', bankTransactionCode: 'BAI2:165' });
    expect(byRef(s, 'ACH2612010004')).toMatchObject({ rail: 'ACH', bankTransactionCode: 'BAI2:169' });
    expect(byRef(s, 'LBX2612010005')).toMatchObject({ rail: 'CHEQUE', direction: 'CRDT' });
    expect(byRef(s, 'CSH2612010006')).toMatchObject({ rail: 'CASH', direction: 'CRDT' });
    expect(byRef(s, 'ACH2612010007')).toMatchObject({ rail: 'ACH', reversal: true, returnReasonCode: 'R01' });
    const unknown = byRef(s, 'CUS2612010008');
    expect(unknown).toMatchObject({ direction: 'CRDT', rail: 'OTHER', bankTransactionCode: 'BAI2:930' });
    expect(unknown.additionalInfo).toContain('BAI2 type code 930: not a code remitd knows');
    expect(byRef(s, 'FED2612010009')).toMatchObject({ direction: 'DBIT', rail: 'SWIFT' });
    expect(byRef(s, 'ACH2612010010')).toMatchObject({ direction: 'DBIT', rail: 'ACH' });
  });

  it('reads funds types 0, 1, 2, Z, V, S and D as the availability, V giving the value date', async () => {
    const s = await parse(fixture('prior-day-wires-ach.bai'));
    const availability = (ref: string) => /Availability: ([^;]+)/.exec(byRef(s, ref).additionalInfo ?? '')?.[1];
    expect(availability('FED2612010001')).toBe('immediate availability (0)');
    expect(availability('ACH2612010003')).toBe('one-day availability (1)');
    expect(availability('LBX2612010005')).toBe('two-or-more-day availability (2)');
    expect(availability('CSH2612010006')).toBe('availability unknown (Z)');
    expect(availability('FED2612010002')).toBe('value dated 2026-12-01 1200 (V)');
    expect(availability('ACH2612010004')).toBe(
      'distributed availability (S): immediate 50.00, one day 40.00, two or more days 30.00',
    );
    expect(availability('CUS2612010008')).toBe('distributed availability (D): 0 day(s) 6.00, 1 day(s) 4.00');
    const valueDated = MINI.replace('16,195,50,0,REF1,,WIRE/', '16,195,50,V,261203,,REF1,,WIRE/');
    expect((await parse(valueDated))[0].entries[0]).toMatchObject({
      bookingDate: '2026-12-01',
      valueDate: '2026-12-03',
    });
  });

  it('takes the bank and customer references from the 16 record and remitter and remittance from the text (Fedwire and ACH tags)', async () => {
    const s = await parse(fixture('prior-day-wires-ach.bai'));
    expect(byRef(s, 'FED2612010001')).toMatchObject({
      bankReference: 'FED2612010001',
      endToEndId: 'INV-2026-11',
      remitterName: 'ACME TRADING LTD',
      remitterAccount: 'DE89370400440532013000',
      creditedAccount: 'VA100000017',
      remittanceUnstructured: 'RC4X2M9Q7B INVOICE NOVEMBER',
    });
    expect(byRef(s, 'FED2612010001').additionalInfo).toContain('Customer reference: INV-2026-11');
    // the text continued in two 88 records
    expect(byRef(s, 'FED2612010002')).toMatchObject({
      remitterName: 'GLOBEX GMBH',
      creditedAccount: 'VA100000025',
      remittanceUnstructured: 'PAYMENT RC7Q3W8N2K',
    });
    expect(byRef(s, 'ACH2612010003')).toMatchObject({
      remitterName: 'NORTHWIND TRADE',
      remittanceUnstructured: 'VENDORPAY',
    });
  });

  it('reads keyed 88 continuations (EREF, DBNM, DACT, DBIC, CACT, REMI) in the newline-delimited layout, "/" inside text kept', async () => {
    const [statement] = await parse(fixture('newline-keyed-continuations.bai'));
    expect(statement).toMatchObject({ account: '107049932', balanced: true, warnings: [] });
    expect(statement.entries[0]).toMatchObject({
      direction: 'CRDT',
      amount: { amount: '9286.50', currency: 'USD' },
      rail: 'SWIFT',
      bankReference: 'GI2612010000001',
      endToEndId: 'AB/GS/INV0001/RC4X2M9Q7B',
      remitterName: 'ACME TRADING LTD',
      remitterAccount: '8348572423',
      remitterBic: 'CITIUS33XXX',
      creditedAccount: 'VA100000017',
      remittanceUnstructured: 'INV 11/2026 RC4X2M9Q7B',
    });
  });

  it('reads the same records in every layout: "/"-terminated, newline-delimited, several on a line, wrapped lines', async () => {
    const slash = await parse(MINI);
    const newline = await parse(MINI.replace(/\/$/gm, ''));
    const oneLine = await parse(MINI.split('\n').join('   '));
    const wrapped = await parse(MINI.replace('16,195,50,0,REF1,,WIRE/', '16,195,50,0,RE\nF1,,WI\nRE/'));
    const crlf = await parse(MINI.replace(/\n/g, '\r\n'));
    const withoutLines = (statements: ParsedStatement[]) =>
      statements.map((st) => ({ ...st, entries: st.entries.map((e) => ({ ...e, location: '' })) }));
    for (const other of [newline, wrapped, crlf]) expect(other).toEqual(slash);
    expect(withoutLines(oneLine)).toEqual(withoutLines(slash));
    expect(slash[0].entries[0]).toMatchObject({ bankReference: 'REF1', remittanceUnstructured: 'WIRE' });
  });

  it('continues the 03 summaries in 88 records and counts each 88 as a record', async () => {
    const continued = MINI.replace('03,111,,010,100,,,015,150,,/', '03,111,,010,100,,/\n88,015,150,,/').replace(
      /49,300,3\/\n98,300,1,5\/\n99,300,1,7\//,
      '49,300,4/\n98,300,1,6/\n99,300,1,8/',
    );
    const [statement] = await parse(continued);
    expect(statement.closingBalance).toMatchObject({ amount: '1.50' });
    expect(statement.balanced).toBe(true);
  });

  it('implies the decimals from the currency: the 03 currency, else the 02 one, else USD', async () => {
    const jpy = MINI.replace('03,111,,', '03,111,JPY,');
    const [yen] = await parse(jpy);
    expect(yen).toMatchObject({ accountCurrency: 'JPY', openingBalance: { amount: '100' } });
    expect(yen.entries[0].amount).toEqual({ amount: '50', currency: 'JPY' });
    const [dinar] = await parse(MINI.replace('02,REMITD,BANK,1,261201,,USD,2/', '02,REMITD,BANK,1,261201,,BHD,2/'));
    expect(dinar.entries[0].amount).toEqual({ amount: '0.050', currency: 'BHD' });
    const [dollars] = await parse(MINI.replace('02,REMITD,BANK,1,261201,,USD,2/', '02,REMITD,BANK,1,261201,,,2/'));
    expect(dollars.entries[0].amount).toEqual({ amount: '0.50', currency: 'USD' });
    expect((await failure(MINI.replace('03,111,,', '03,111,XYZ,'))).reason).toBe(
      '"XYZ" is not an ISO 4217 currency code',
    );
  });
});

describe('BAI2 reader: control totals and counts', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    [
      '49 control total',
      '49,300,3/',
      '49,301,3/',
      /^account trailer \(49\) of account 111 \(line 3\): control total 3\.01 ≠ 3\.00 read$/,
    ],
    [
      '49 record count',
      '49,300,3/',
      '49,300,4/',
      /^account trailer \(49\) of account 111 \(line 3\): says 4 records, read 3$/,
    ],
    [
      '98 control total',
      '98,300,1,5/',
      '98,299,1,5/',
      /^group trailer \(98\) of the group at line 2: control total 299 ≠ 300 read$/,
    ],
    ['98 account count', '98,300,1,5/', '98,300,2,5/', /^group trailer \(98\) .*: says 2 accounts, read 1$/],
    ['98 record count', '98,300,1,5/', '98,300,1,6/', /^group trailer \(98\) .*: says 6 records, read 5$/],
    ['99 control total', '99,300,1,7/', '99,30,1,7/', /^file trailer \(99\): control total 30 ≠ 300 read$/],
    ['99 group count', '99,300,1,7/', '99,300,2,7/', /^file trailer \(99\): says 2 groups, read 1$/],
    ['99 record count', '99,300,1,7/', '99,300,1,9/', /^file trailer \(99\): says 9 records, read 7$/],
  ];
  it.each(cases)('a %s that does not add up fails the file, naming the record', async (_name, from, to, reason) => {
    const line = MINI.split('\n').indexOf(from) + 1;
    const e = await failure(MINI.replace(from, to));
    expect(e.reason).toMatch(reason);
    expect(e.location).toBe(`line ${line}`);
    expect(e.fileName).toBe('test.bai');
  });

  it('with controlTotals "warn" a mismatch is a warning on the statement instead', async () => {
    const [statement] = await parse(MINI.replace('49,300,3/', '49,301,3/'), { controlTotals: 'warn' });
    // the group adds up the 49 totals as written: its 98 does not match them either
    expect(statement.warnings).toEqual([
      'line 5: account trailer (49) of account 111 (line 3): control total 3.01 ≠ 3.00 read',
      'line 6: group trailer (98) of the group at line 2: control total 300 ≠ 301 read',
    ]);
  });

  it('ingestion reads with REMITD_BAI2_CONTROL_TOTALS (parser limits): error by default, warn on request', async () => {
    const text = fixture('bad-account-total.bai');
    const read = (limits = DEFAULT_PARSER_LIMITS) =>
      collectStatements(readStatements(chunks(text), 'bai2', 'x.bai', limits));
    await expect(read()).rejects.toBeInstanceOf(StatementParseError);
    const [statement] = await read({ ...DEFAULT_PARSER_LIMITS, bai2ControlTotals: 'warn' });
    expect(statement.warnings[0]).toMatch(/^line 5: account trailer \(49\)/);
  });

  it('fails a file whose 49 total is wrong (fixture), naming line 5', async () => {
    const e = await failure(fixture('bad-account-total.bai'));
    expect(e.location).toBe('line 5');
    expect(e.reason).toMatch(/control total 35000\.00 ≠ 25000\.00 read/);
  });
});

describe('BAI2 reader: structure errors name the record', () => {
  const broken: Array<[string, string, RegExp]> = [
    ['a first record other than 01', MINI.replace('01,', '00,'), /^file without a file header \(01\) record/],
    ['a version other than 2', MINI.replace(',,,2/', ',,,3/'), /version "3" is not BAI version 2/],
    [
      'a 16 outside an account',
      MINI.replace('03,111,,010,100,,,015,150,,/\n', ''),
      /transaction detail \(16\) outside an account/,
    ],
    ['a truncated file', MINI.split('\n').slice(0, 5).join('\n'), /file ends without a file trailer \(99\) record/],
    ['an 88 with nothing before it', `88,X/\n${MINI}`, /continuation \(88\) record with no record before it/],
    ['an unknown funds type', MINI.replace('16,195,50,0,', '16,195,50,Q,'), /unknown funds type "Q"/],
    ['a non-numeric amount', MINI.replace('16,195,50,', '16,195,5X,'), /amount "5X" is not a whole number/],
    ['a bad as-of date', MINI.replace('261201', '261341'), /as-of date "261341" is not a YYMMDD date/],
    ['a record after 99', `${MINI}\n02,REMITD,BANK,1,261201,,USD,2/`, /record "02" after the file trailer \(99\)/],
    ['a first line that is no record', `HELLO\n${MINI}`, /first line starts with "HELLO"/],
  ];
  it.each(broken)('%s', async (_name, text, reason) => {
    const e = await failure(text);
    expect(e.reason).toMatch(reason);
    expect(e.location).toMatch(/^line \d+$/);
  });

  it('reads "88:" as an 88 record, with a warning', async () => {
    const text = fixture('newline-keyed-continuations.bai').replace('88,DACT:', '88:DACT:');
    const [statement] = await parse(text);
    expect(statement.entries[0].remitterAccount).toBe('8348572423');
    expect(statement.warnings).toEqual(['line 7: continuation record written "88:" read as "88,"']);
  });
});

describe('BAI2 entries: identity', () => {
  it('the same wire in the intraday report and the prior-day file is one entry; two wires sharing a bank reference are two', async () => {
    const intraday = MINI.replace('02,REMITD,BANK,1,261201,,USD,2/', '02,REMITD,BANK,1,261201,1200,USD,3/');
    const [morning] = await parse(intraday);
    const [final] = await parse(MINI);
    expect(naturalKey(morning.entries[0])).toBe(naturalKey(final.entries[0]));
    const other = { ...final.entries[0], amount: { amount: '0.60', currency: 'USD' } };
    expect(naturalKey(other)).not.toBe(naturalKey(final.entries[0]));
  });
});

describe('BAI2 reader: streaming', () => {
  it('gives the same events in 3-byte chunks as whole', async () => {
    for (const name of ['prior-day-wires-ach.bai', 'newline-keyed-continuations.bai']) {
      const text = fixture(name);
      expect(await events(text, 3)).toEqual(await events(text));
    }
  });
});

describe('BAI2 entries through the matching rules', () => {
  const lookups: MatchLookups = {
    virtualAccounts: new Map([
      ['VA100000017', { customerId: 'c1', currency: 'USD', number: 'VA100000017', collectionAccountId: 'ca1' }],
    ]),
    knownRemitters: new Map(),
    customersByReference: new Map(),
    billsByReference: new Map(),
    customers: new Map([['c1', { id: 'c1', name: 'Acme', reference: 'RC4X2M9Q7B', currencies: ['USD'] }]]),
  };
  const facts = (e: ParsedEntry) => ({
    ...e,
    id: e.bankReference ?? '',
    currency: e.amount.currency,
    amount: e.amount.amount,
    collectionAccountId: 'ca1',
  });

  it('credits a wire to a virtual account, queues lockbox and cash flagged, recognises the return', async () => {
    const s = await parse(fixture('prior-day-wires-ach.bai'));
    expect(decide(facts(byRef(s, 'FED2612010001')), lookups, 0.9)).toMatchObject({
      kind: 'credit',
      customerId: 'c1',
      rule: 'virtual_account',
    });
    expect(decide(facts(byRef(s, 'LBX2612010005')), lookups, 0.9)).toMatchObject({
      kind: 'unmatched',
      flags: ['cheque_deposit'],
    });
    expect(decide(facts(byRef(s, 'CSH2612010006')), lookups, 0.9)).toMatchObject({
      kind: 'unmatched',
      flags: ['cash_deposit'],
    });
    expect(decide(facts(byRef(s, 'ACH2612010007')), lookups, 0.9)).toMatchObject({
      kind: 'reversal',
      explanation: expect.stringContaining('R01'),
    });
  });
});
