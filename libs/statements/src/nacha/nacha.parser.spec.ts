import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { StatementParseError, type ParsedEntry } from '../statement.model';
import type { StatementEvent, StatementHeader } from '../statement-events';
import { detectNacha, readNacha, type NachaOptions } from './nacha.parser';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/nacha');

interface Collected {
  header: StatementHeader;
  entries: ParsedEntry[];
  end: Extract<StatementEvent, { type: 'statement-end' }>;
}

function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'latin1');
}

async function* chunks(data: Buffer | string, size = Infinity): AsyncGenerator<Buffer> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
}

async function events(data: Buffer | string, size = Infinity, options?: NachaOptions): Promise<StatementEvent[]> {
  const out: StatementEvent[] = [];
  for await (const e of readNacha(chunks(data, size), 'test.ach', options)) out.push(e);
  return out;
}

async function parse(data: Buffer | string, options?: NachaOptions): Promise<Collected> {
  const evs = await events(data, Infinity, options);
  expect(evs[0].type).toBe('statement');
  expect(evs[evs.length - 1].type).toBe('statement-end');
  expect(evs.filter((e) => e.type === 'statement')).toHaveLength(1);
  const entries = evs.flatMap((e) => (e.type === 'entry' ? [e.entry] : []));
  const end = evs[evs.length - 1] as Collected['end'];
  expect(end.entryCount).toBe(entries.length);
  return { header: (evs[0] as { header: StatementHeader }).header, entries, end };
}

async function parseError(data: Buffer | string): Promise<StatementParseError> {
  try {
    await events(data);
  } catch (e) {
    expect(e).toBeInstanceOf(StatementParseError);
    return e as StatementParseError;
  }
  throw new Error('expected a StatementParseError');
}

/** replaces characters [from, from + text.length) of the record on 1-based line `line` */
function patch(file: string, line: number, from: number, text: string): string {
  const eol = file.includes('\r\n') ? '\r\n' : '\n';
  const recs = file.split(eol);
  const r = recs[line - 1];
  recs[line - 1] = r.slice(0, from) + text + r.slice(from + text.length);
  return recs.join(eol);
}

describe('readNacha', () => {
  describe('CCD credit batch with addenda 05 (ccd-credits-addenda05.ach)', () => {
    let file: Collected;
    beforeAll(async () => {
      file = await parse(fixture('ccd-credits-addenda05.ach'));
    });

    it('makes one USD statement from the file header, without balances', () => {
      expect(file.header).toEqual({
        format: 'nacha',
        messageId: '1122334455-240305-A',
        statementId: '1122334455-240305-A',
        sequenceNumber: 'A',
        account: '987654321',
        accountCurrency: 'USD',
        servicerBic: null,
        createdAt: '2024-03-05T09:30:00',
        fromDate: null,
        toDate: null,
        openingBalance: null,
        closingBalance: null,
        warnings: [],
      });
      expect(file.end).toEqual({
        type: 'statement-end',
        closingBalance: null,
        balanced: null,
        entryCount: 3,
        warnings: [],
      });
    });

    it('maps an entry detail record and its addenda 05', () => {
      expect(file.entries[0]).toEqual({
        index: 0,
        direction: 'CRDT',
        amount: { amount: '1250.50', currency: 'USD' },
        bookingDate: '2024-03-06',
        valueDate: '2024-03-06',
        status: 'BOOK',
        bankReference: '112233440000001',
        strongReference: '2024-03-06/1/112233440000001',
        endToEndId: null,
        uetr: null,
        remitterName: 'EXAMPLE PAYER CO',
        remitterAccount: '1122334455',
        remitterBic: null,
        creditedAccount: 'VA100200300',
        remittanceUnstructured: 'VENDORPAY INV-2024-0042 PAID IN FULL',
        remittanceStructured: null,
        instructedAmount: null,
        charges: null,
        bankTransactionCode: 'ACH:CCD:22',
        rail: 'ACH',
        reversal: false,
        returnReasonCode: null,
        originalReference: null,
        changeCode: null,
        location: 'line 3',
        additionalInfo: 'Receiver name: REMITD TEST COLLECT; Identification: INV-2024-0042',
      });
    });

    it('glues an addenda 05 text that fills all 80 characters to the next one', () => {
      expect(file.entries[1].remittanceUnstructured).toBe(
        'VENDORPAY INV-2024-0101 INV-2024-0102 INV-2024-0103 PARTIAL PAYMENT OF CONTRACT EXAMPLE-778 THANK YOU',
      );
      expect(file.entries[1].amount.amount).toBe('49.99');
    });

    it('reads a savings credit (32) without addenda', () => {
      expect(file.entries[2]).toMatchObject({
        direction: 'CRDT',
        amount: { amount: '1000.00', currency: 'USD' },
        creditedAccount: 'VA100200302',
        remittanceUnstructured: 'VENDORPAY',
        bankTransactionCode: 'ACH:CCD:32',
        additionalInfo: 'Receiver name: REMITD TEST COLLECT',
        location: 'line 8',
      });
    });

    it('takes the account from the immediate origin or an explicit option when asked', async () => {
      const text = fixture('ccd-credits-addenda05.ach');
      expect((await parse(text, { accountFrom: 'immediate-origin' })).header.account).toBe('1122334455');
      expect((await parse(text, { account: 'COLLECT-1' })).header.account).toBe('COLLECT-1');
    });
  });

  it('reads a file without line breaks like the same file with them (ccd-no-line-breaks.ach)', async () => {
    const oneLine = fixture('ccd-no-line-breaks.ach');
    expect(oneLine).not.toMatch(/[\r\n]/);
    expect(await events(oneLine)).toEqual(await events(fixture('ccd-credits-addenda05.ach')));
    expect(await events(oneLine, 5)).toEqual(await events(oneLine));
  });

  describe('CTX and PPD batches (ctx-ppd-mix.ach, CRLF)', () => {
    let file: Collected;
    beforeAll(async () => {
      file = await parse(fixture('ctx-ppd-mix.ach'));
    });

    it('reads the CTX receiving company name and joins the X12 remittance split over addenda', () => {
      const e = file.entries[0];
      expect(e).toMatchObject({
        amount: { amount: '2500.00', currency: 'USD' },
        creditedAccount: 'VA300400500',
        remitterName: 'EXAMPLE WHOLESAL',
        bankTransactionCode: 'ACH:CTX:22',
        additionalInfo: 'Receiver name: REMITD TEST CORP; Identification: 820-000042',
      });
      expect(e.remittanceUnstructured).toMatch(/^INVOICES ISA\*00\*/);
      expect(e.remittanceUnstructured).toContain('\\RMR*IV*INV-2024-0200**2500.00\\');
      expect(e.remittanceUnstructured).toMatch(/IEA\*1\*000000042\\$/);
    });

    it('maps transaction codes to directions: 22 credit, 27 debit, 23 zero-dollar prenote', () => {
      expect(file.entries.slice(1).map((e) => [e.bankTransactionCode, e.direction, e.amount.amount])).toEqual([
        ['ACH:PPD:22', 'CRDT', '19.99'],
        ['ACH:PPD:27', 'DBIT', '5.00'],
        ['ACH:PPD:23', 'CRDT', '0.00'],
      ]);
      expect(file.entries[3].additionalInfo).toBe(
        'Receiver name: PAT PLACEHOLDER; Identification: PRENOTE-1; Prenotification (zero-dollar)',
      );
      expect(file.entries.map((e) => e.bookingDate)).toEqual(['2024-03-08', '2024-03-08', '2024-03-08', '2024-03-08']);
      expect(file.entries.map((e) => e.index)).toEqual([0, 1, 2, 3]);
    });

    it('validates both batch controls and the file control without warnings', () => {
      expect(file.end.warnings).toEqual([]);
      expect(file.header.statementId).toBe('5566778899-240307-B');
    });
  });

  describe('returns (returns-r01-r69-r71.ach)', () => {
    let file: Collected;
    beforeAll(async () => {
      file = await parse(fixture('returns-r01-r69-r71.ach'));
    });

    it('marks an addenda 99 return: reversal, R-code, original trace; the transaction code decides the side', () => {
      expect(file.entries[0]).toMatchObject({
        direction: 'DBIT',
        bankTransactionCode: 'ACH:PPD:26',
        amount: { amount: '25.99', currency: 'USD' },
        reversal: true,
        returnReasonCode: 'R01',
        originalReference: '112233440000077',
        bankReference: '987654320000011',
        additionalInfo:
          'Receiver name: JOHN SAMPLE; Identification: DUES-0301; Return R01 (original trace 112233440000077, INSUFFICIENT FUNDS, original RDFI 98765432)',
      });
    });

    it('keeps the code of a dishonored return (R69) and reads its own layout', () => {
      expect(file.entries[1]).toMatchObject({
        direction: 'CRDT',
        reversal: true,
        returnReasonCode: 'R69',
        originalReference: '112233440000078',
        creditedAccount: 'VA100200300',
      });
      expect(file.entries[1].additionalInfo).toContain(
        'Dishonored return R69 (original trace 112233440000078, return trace 987654320000099, return reason R03, FIELD ERRORS, original RDFI 98765432)',
      );
    });

    it('keeps the code of a contested dishonored return (R71) and reads its own layout', () => {
      expect(file.entries[2]).toMatchObject({
        reversal: true,
        returnReasonCode: 'R71',
        originalReference: '112233440000079',
      });
      expect(file.entries[2].additionalInfo).toContain(
        'Contested dishonored return R71 (original trace 112233440000079, return trace 987654320000098, return reason R02, ' +
          'dishonored return trace 112233440000098, dishonored return reason R69, original RDFI 98765432)',
      );
      expect(file.end.warnings).toEqual([]);
    });
  });

  it('emits a zero-amount notification of change with its C-code and corrected data (noc-c01.ach)', async () => {
    const file = await parse(fixture('noc-c01.ach'));
    expect(file.entries).toHaveLength(1);
    expect(file.entries[0]).toMatchObject({
      amount: { amount: '0.00', currency: 'USD' },
      bankTransactionCode: 'ACH:COR:21',
      changeCode: 'C01',
      reversal: false,
      returnReasonCode: null,
      originalReference: '112233440000080',
      creditedAccount: 'VA100299999',
      additionalInfo:
        'Receiver name: REMITD TEST COLLECT; Identification: INV-2024-0050; NOC C01: corrected data "VA999000111" (original trace 112233440000080)',
    });
    expect(file.end.warnings).toEqual([]);
  });

  describe('control totals', () => {
    const ccd = () => fixture('ccd-credits-addenda05.ach');

    it('warns when the batch control count, hash or totals disagree with the entries', async () => {
      let text = patch(ccd(), 9, 4, '000009'); // entry/addenda count
      text = patch(text, 9, 10, '0000000001'); // entry hash
      text = patch(text, 9, 32, '000000999999'); // total credits
      const file = await parse(text);
      expect(file.entries).toHaveLength(3);
      expect(file.end.warnings).toEqual([
        'line 9: batch 1 (line 2): batch control says 9 entry/addenda records, read 6',
        'line 9: batch 1 (line 2): batch control entry hash 1 ≠ 296296296 computed',
        'line 9: batch 1 (line 2): batch control total credits 9999.99 ≠ 2300.49 read',
      ]);
    });

    it('warns when the file control disagrees', async () => {
      const text = patch(patch(ccd(), 10, 1, '000002'), 10, 31, '000000000001');
      expect((await parse(text)).end.warnings).toEqual([
        'line 10: file control says 2 batches, read 1',
        'line 10: file control total debits 0.01 ≠ 0.00 read',
      ]);
    });

    it('warns about missing controls but keeps the entries', async () => {
      const recs = ccd()
        .split('\n')
        .filter((r) => !r.startsWith('8') && !r.startsWith('9'));
      const file = await parse(recs.join('\n'));
      expect(file.entries).toHaveLength(3);
      expect(file.end.warnings).toEqual([
        'line 8: batch 1 (line 2) has no batch control (8) record',
        'file has no file control (9) record',
      ]);
    });
  });

  describe('tolerance', () => {
    it('pads short records and says so', async () => {
      const text = ccd94Trimmed();
      const file = await parse(text);
      expect(file.entries.map((e) => e.amount.amount)).toEqual(['1250.50', '49.99', '1000.00']);
      expect(file.end.warnings).toEqual([
        '2 record(s) shorter than 94 characters were padded with spaces (first at line 1)',
      ]);
    });

    it('ignores blank lines and a DOS end-of-file character', async () => {
      const text = fixture('ccd-credits-addenda05.ach').replace(/\n/g, '\r\n\r\n') + '\x1a';
      expect(await events(text)).toEqual(await events(fixture('ccd-credits-addenda05.ach')));
    });

    it('treats a "REVERSAL" batch as reversing entries', async () => {
      const text = patch(fixture('ccd-credits-addenda05.ach'), 2, 53, 'REVERSAL  ');
      const file = await parse(text);
      expect(file.entries.every((e) => e.reversal)).toBe(true);
      expect(file.entries[0].returnReasonCode).toBeNull();
    });

    it('decodes a non-UTF-8 byte in an addenda as Latin-1', async () => {
      const text = patch(fixture('ccd-credits-addenda05.ach'), 4, 3, 'CAF\xc9 ORDER 42 PAID');
      const file = await parse(Buffer.from(text, 'latin1'));
      expect(file.entries[0].remittanceUnstructured).toBe('VENDORPAY CAFÉ ORDER 42 PAID IN FULL');
    });
  });

  describe('errors', () => {
    it('rejects a non-numeric amount with its record number (malformed-amount.ach)', async () => {
      const err = await parseError(fixture('malformed-amount.ach'));
      expect(err.location).toBe('line 5');
      expect(err.fileName).toBe('test.ach');
      expect(err.reason).toBe('non-numeric amount "00000049X9"');
    });

    it('rejects an unknown record type', async () => {
      const err = await parseError(patch(fixture('ccd-credits-addenda05.ach'), 4, 0, '4'));
      expect(err.location).toBe('line 4');
      expect(err.reason).toBe('unknown record type "4"');
    });

    it('rejects an entry detail record before any batch header', async () => {
      const recs = fixture('ccd-credits-addenda05.ach').split('\n');
      const err = await parseError([recs[0], recs[2], recs[1]].join('\n'));
      expect(err.location).toBe('line 2');
      expect(err.reason).toContain('outside a batch');
    });

    it('rejects a file without a file header record, and an empty file', async () => {
      const recs = fixture('ccd-credits-addenda05.ach').split('\n');
      const err = await parseError(recs.slice(1).join('\n'));
      expect(err.location).toBe('line 1');
      expect(err.reason).toContain('file without a file header (1) record');
      expect((await parseError('')).reason).toContain('file without a file header (1) record');
    });

    it('rejects an invalid change code in a notification of change', async () => {
      const err = await parseError(patch(fixture('noc-c01.ach'), 4, 3, 'C92'));
      expect(err.location).toBe('line 4');
      expect(err.reason).toContain('invalid change code "C92"');
    });

    it('rejects records after the file control other than 9-padding', async () => {
      const text = fixture('noc-c01.ach') + fixture('noc-c01.ach').split('\n')[0] + '\n';
      const err = await parseError(text);
      expect(err.reason).toBe('record type "1" after the file control (9) record');
    });

    it('rejects an unknown transaction code', async () => {
      const err = await parseError(patch(fixture('ccd-credits-addenda05.ach'), 3, 1, '99'));
      expect(err.reason).toBe('unknown transaction code "99"');
    });
  });

  describe('chunking', () => {
    it.each([
      'ccd-credits-addenda05.ach',
      'ccd-no-line-breaks.ach',
      'ctx-ppd-mix.ach',
      'returns-r01-r69-r71.ach',
      'noc-c01.ach',
    ])('%s gives the same events in 5-byte chunks as in one chunk', async (name) => {
      const text = fixture(name);
      expect(await events(text, 5)).toEqual(await events(text));
    });
  });

  describe('detectNacha', () => {
    it('recognises an ACH file header', () => {
      expect(detectNacha(fixture('ccd-credits-addenda05.ach'))).toBe(true);
      expect(detectNacha(fixture('ccd-no-line-breaks.ach').slice(0, 200))).toBe(true);
      expect(detectNacha('101123456789 123456789 1702170810A094101PNC Bank')).toBe(true);
      expect(detectNacha(':20:STARTUMS\n:25:123\n')).toBe(false);
      expect(detectNacha('1\n2\n3\n')).toBe(false);
      expect(detectNacha('<?xml version="1.0"?>')).toBe(false);
    });
  });
});

/** the CCD fixture with every record's trailing spaces cut off */
function ccd94Trimmed(): string {
  return readFileSync(path.join(FIXTURES, 'ccd-credits-addenda05.ach'), 'latin1')
    .split('\n')
    .map((r) => r.replace(/\s+$/, ''))
    .join('\n');
}
