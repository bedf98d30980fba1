import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { StatementParseError, type ParsedEntry } from '../statement.model';
import type { StatementEvent, StatementHeader } from '../statement-events';
import { detectMt940, readMt940, type Mt940Options } from './mt940.parser';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/mt940');

interface Collected {
  header: StatementHeader;
  entries: ParsedEntry[];
  end: Extract<StatementEvent, { type: 'statement-end' }>;
}

function fixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, name));
}

async function* chunks(data: Buffer | string, size = Infinity): AsyncGenerator<Buffer | string> {
  if (typeof data === 'string') {
    yield data;
    return;
  }
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, Math.min(data.length, i + size));
}

async function events(data: Buffer | string, size = Infinity, options?: Mt940Options): Promise<StatementEvent[]> {
  const out: StatementEvent[] = [];
  for await (const e of readMt940(chunks(data, size), 'test.sta', options)) out.push(e);
  return out;
}

async function parse(data: Buffer | string, options?: Mt940Options): Promise<Collected[]> {
  const result: Collected[] = [];
  let current: Omit<Collected, 'end'> | null = null;
  for (const e of await events(data, Infinity, options)) {
    if (e.type === 'statement') {
      expect(current).toBeNull();
      current = { header: e.header, entries: [] };
    } else if (e.type === 'entry') {
      expect(current).not.toBeNull();
      current!.entries.push(e.entry);
    } else {
      expect(current).not.toBeNull();
      expect(e.entryCount).toBe(current!.entries.length);
      result.push({ ...current!, end: e });
      current = null;
    }
  }
  expect(current).toBeNull();
  return result;
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

const lines = (...l: string[]): string => l.join('\n') + '\n';

describe('readMt940', () => {
  describe('Rabobank-style /TAG/ field 86 (rabobank-tag86.sta)', () => {
    let stmt: Collected;
    beforeAll(async () => {
      [stmt] = await parse(fixture('rabobank-tag86.sta'));
    });

    it('reads the statement header: :20:, :28C:, :25: without its currency suffix, opening balance', () => {
      expect(stmt.header).toEqual({
        format: 'mt940',
        messageId: '940S240305',
        statementId: '940S240305/00042',
        sequenceNumber: '00042',
        account: 'NL61RABO0300123456',
        accountCurrency: 'EUR',
        servicerBic: null,
        createdAt: null,
        fromDate: '2024-03-04',
        toDate: null,
        openingBalance: { amount: '10000.00', currency: 'EUR', signedAmount: '10000.00', date: '2024-03-04' },
        closingBalance: null,
        warnings: [],
      });
    });

    it('maps /EREF/, /ORDP//NAME/, /BIC/, /REMI/ and the counter IBAN on the supplementary line of a SEPA credit', () => {
      expect(stmt.entries[0]).toEqual({
        index: 0,
        direction: 'CRDT',
        amount: { amount: '1250.00', currency: 'EUR' },
        bookingDate: '2024-03-05',
        valueDate: '2024-03-05',
        status: 'BOOK',
        bankReference: null, // "EREF" is Rabobank's placeholder for "see :86:"
        strongReference: null,
        endToEndId: 'INV-2024-0042-E2E',
        uetr: null,
        remitterName: 'Fictive Trading B.V.',
        remitterAccount: 'NL20INGB0001234567',
        remitterBic: 'INGBNL2A',
        creditedAccount: null,
        remittanceUnstructured: 'Invoice INV-2024-0042 customer VA-100042',
        remittanceStructured: null,
        instructedAmount: null,
        charges: null,
        bankTransactionCode: 'N541',
        rail: 'SEPA',
        reversal: false,
        returnReasonCode: null,
        originalReference: null,
        changeCode: null,
        location: 'line 6',
        additionalInfo:
          '/EREF/INV-2024-0042-E2E/ORDP//NAME/Fictive Trading B.V./ADDR/Kade 1\n' +
          ' 1000AA Amsterdam NL/REMI/Invoice INV-2024-0042 customer VA-100042/\n' +
          'ISDT/2024-03-05/BIC/INGBNL2A\nNL20INGB0001234567',
      });
    });

    it('maps /OCMT/ to instructedAmount and /CHGS/ to charges; the bank reference after // wins over NONREF', () => {
      const e = stmt.entries[1];
      expect(e.instructedAmount).toEqual({ amount: '1080.00', currency: 'USD' });
      expect(e.charges).toEqual({ amount: '12.50', currency: 'EUR' });
      expect(e.amount).toEqual({ amount: '987.50', currency: 'EUR' });
      expect(e.bankReference).toBe('RB20240305000777');
      expect(e.remitterName).toBe('Example Imports LLC');
      expect(e.remittanceUnstructured).toBe('Order 5567 VA-200077');
      expect(e.endToEndId).toBeNull();
      expect(e.rail).toBe('SWIFT');
    });

    it('reads an RC line as a reversed credit: DBIT, reversal, /RTRN/ reason code', () => {
      const e = stmt.entries[2];
      expect(e).toMatchObject({
        direction: 'DBIT',
        reversal: true,
        returnReasonCode: 'AC04',
        amount: { amount: '150.00', currency: 'EUR' },
        endToEndId: 'INV-2024-0031-E2E',
        remittanceUnstructured: 'Return of payment INV-2024-0031',
        location: 'line 15',
      });
    });

    it('marks a direct debit with a creditor id and mandate as SEPA and reads the BENM name', () => {
      const e = stmt.entries[3];
      expect(e).toMatchObject({
        direction: 'DBIT',
        reversal: false,
        endToEndId: 'DD-778899',
        remitterName: 'Example Energy N.V.',
        remitterAccount: 'NL26EXMP0987654321',
        rail: 'SEPA',
        bankTransactionCode: 'N108',
      });
    });

    it('ends the statement with the closing balance and balanced = true', () => {
      expect(stmt.end).toEqual({
        type: 'statement-end',
        closingBalance: { amount: '12041.51', currency: 'EUR', signedAmount: '12041.51', date: '2024-03-05' },
        balanced: true,
        entryCount: 4,
        warnings: [],
      });
    });
  });

  describe('German ?NN field 86 (german-zka86.sta, CRLF)', () => {
    let stmt: Collected;
    beforeAll(async () => {
      [stmt] = await parse(fixture('german-zka86.sta'));
    });

    it('keeps a BLZ/account :25: whole', () => {
      expect(stmt.header.account).toBe('10020030/0123456789');
      expect(stmt.header.servicerBic).toBeNull();
    });

    it('reads EREF+ and SVWZ+ from ?20–?29 (a full 27-character segment continues), ?30 BIC, ?31 IBAN, ?32/?33 name', () => {
      expect(stmt.entries[0]).toMatchObject({
        direction: 'CRDT',
        amount: { amount: '240.00', currency: 'EUR' },
        endToEndId: 'E2E-20231229-001',
        remittanceUnstructured: 'Rechnung 2023-118 Kundenkonto VA-300118',
        remitterBic: 'GENODEF1XYZ',
        remitterAccount: 'DE74100200300987654321',
        remitterName: 'Musterfirma Beispiel GmbH & Co. KG',
        bankReference: '0000012345678',
        rail: 'SEPA',
      });
    });

    it('puts an entry date in January after a December value date into the next year', () => {
      expect(stmt.entries[0].valueDate).toBe('2023-12-29');
      expect(stmt.entries[0].bookingDate).toBe('2024-01-02');
    });

    it('reads a SEPA direct debit (funds code R after D) with MREF/CRED keywords', () => {
      expect(stmt.entries[1]).toMatchObject({
        direction: 'DBIT',
        amount: { amount: '19.90', currency: 'EUR' },
        endToEndId: 'DD-20231229-7',
        remittanceUnstructured: 'Mitgliedsbeitrag 2024',
        remitterName: 'Sportverein Beispielstadt e.V.',
        remitterBic: 'DEUTDEFFXXX',
        bankTransactionCode: 'NDDT',
        rail: 'SEPA',
      });
    });

    it('maps NCHK to the CHEQUE rail and joins non-SEPA purpose segments', () => {
      expect(stmt.entries[2]).toMatchObject({
        rail: 'CHEQUE',
        bankTransactionCode: 'NCHK',
        remittanceUnstructured: 'Scheck Nr. 1234 Einreichung 28.12.',
        remitterName: 'Heinz Beispielmann',
        endToEndId: null,
      });
    });

    it('balances', () => {
      expect(stmt.end.balanced).toBe(true);
      expect(stmt.end.closingBalance?.signedAmount).toBe('1645.10');
    });
  });

  describe('SWIFT block wrappers with SOH/ETX bytes (swift-blocks-soh-etx.sta)', () => {
    let stmts: Collected[];
    beforeAll(async () => {
      stmts = await parse(fixture('swift-blocks-soh-etx.sta'));
    });

    it('reads each {4: block as a statement', () => {
      expect(stmts.map((s) => s.header.messageId)).toEqual(['STMT240305A', 'STMT240306A']);
      expect(stmts.map((s) => s.end.balanced)).toEqual([true, true]);
    });

    it('splits a BIC/account :25: into servicerBic and account; falls back to the block 1 address', () => {
      expect(stmts[0].header).toMatchObject({ account: 'GB78EXMP60161331926819', servicerBic: 'EXMPGB2LXXX' });
      expect(stmts[1].header).toMatchObject({ account: 'GB78EXMP60161331926819', servicerBic: 'EXMPGB2L' });
    });

    it('reads /OCMT/ and /CHGS/ from the :61: supplementary details line', () => {
      expect(stmts[0].entries[0]).toMatchObject({
        instructedAmount: { amount: '2900.00', currency: 'EUR' },
        charges: { amount: '15.00', currency: 'GBP' },
        remitterName: 'Example Holdings GmbH',
        remittanceUnstructured: 'PO-99812 VA-400001',
        bankReference: 'CHAPS-0001',
        rail: 'SWIFT',
      });
    });

    it('keeps free text of field 86 as remittance', () => {
      expect(stmts[0].entries[1]).toMatchObject({ rail: 'CHEQUE', remittanceUnstructured: 'CHEQUE 000456 PRESENTED' });
      expect(stmts[1].entries[0]).toMatchObject({ amount: { amount: '0.01', currency: 'GBP' }, location: 'line 19' });
    });
  });

  describe('two statements, header lines, :NS:, unbalanced page (two-statements-unbalanced.sta)', () => {
    let stmts: Collected[];
    beforeAll(async () => {
      stmts = await parse(fixture('two-statements-unbalanced.sta'));
    });

    it('skips bank header lines and takes a BIC-looking one as servicer; :28: is read like :28C:', () => {
      expect(stmts).toHaveLength(2);
      expect(stmts[0].header).toMatchObject({ servicerBic: 'EXMPNL2A', sequenceNumber: '101/1', account: '123456789' });
    });

    it('keeps the digits given: "1000," → "1000", "000000000025,5" → "25.5"', () => {
      expect(stmts[0].header.openingBalance).toEqual({
        amount: '1000',
        currency: 'EUR',
        signedAmount: '1000',
        date: '2024-04-01',
      });
      expect(stmts[0].entries.map((e) => e.amount.amount)).toEqual(['100', '25.5']);
    });

    it('joins a free-text field 86 cut at 65 characters without a space; NONREF gives no bank reference', () => {
      expect(stmts[0].entries[0]).toMatchObject({
        remittanceUnstructured: 'TRANSFER FROM J. EXAMPLE ACCOUNT 987654321 PAYMENT REFERENCE 4000500 VA-500500',
        bankReference: null,
        bankTransactionCode: 'N196',
        rail: 'SWIFT',
      });
    });

    it('keeps supplementary details and :NS: lines in additionalInfo after the field 86 text', () => {
      expect(stmts[0].entries[1].additionalInfo).toBe(
        'POS PAYMENT EXAMPLE STORE\nCARD 1234 EXAMPLE STORE\n01Terminal 42\n02Example Street 1',
      );
    });

    it('reports an unbalanced :60M:/:62M: page as balanced = false with a warning, not an error', () => {
      expect(stmts[0].end.balanced).toBe(true);
      expect(stmts[1].header.openingBalance?.signedAmount).toBe('1074.5');
      expect(stmts[1].end).toMatchObject({
        balanced: false,
        closingBalance: { amount: '1200.00', currency: 'EUR', signedAmount: '1200.00', date: '2024-04-02' },
        entryCount: 1,
      });
      expect(stmts[1].end.warnings).toEqual([
        'opening 1074.5 + entries 50 = 1124.5, but the closing balance is 1200.00',
      ]);
    });
  });

  describe('Latin-1 file (latin1-umlauts.sta)', () => {
    it('falls back to Latin-1 when the bytes are not UTF-8', async () => {
      const bytes = fixture('latin1-umlauts.sta');
      expect(bytes.includes(0xfc)).toBe(true); // "ü" as one Latin-1 byte
      const [stmt] = await parse(bytes);
      expect(stmt.entries[0]).toMatchObject({
        remitterName: 'Jürgen Müller-Lüdenscheidt',
        remittanceUnstructured: 'Miete März Müller Straße',
        endToEndId: null, // EREF+NOTPROVIDED
        remitterBic: 'BEISDEFFXXX',
        rail: 'SEPA',
      });
      expect(stmt.end.warnings).toEqual([]);
    });

    it('reads the same with encoding: latin1, and the UTF-8 version in 3-byte chunks the same', async () => {
      const bytes = fixture('latin1-umlauts.sta');
      const auto = await parse(bytes);
      expect(await parse(bytes, { encoding: 'latin1' })).toEqual(auto);
      const utf8 = Buffer.from(bytes.toString('latin1'), 'utf8');
      const split: StatementEvent[] = await events(utf8, 3);
      expect(split).toEqual(await events(bytes));
    });

    it('notes a switch to Latin-1 after UTF-8 text was already read', async () => {
      const head = Buffer.from(
        lines(':20:X', ':25:DE25100200300123456789', ':60F:C240301EUR0,', ':61:240301C1,NTRF', ':86:Grüße'),
        'utf8',
      );
      const tail = Buffer.from(lines(':61:240301C1,NTRF', ':86:Gr\xfc\xdfe', ':62F:C240301EUR2,'), 'latin1');
      const out: StatementEvent[] = [];
      async function* two(): AsyncGenerator<Buffer> {
        yield head;
        yield tail;
      }
      for await (const e of readMt940(two())) out.push(e);
      const entries = out.filter((e) => e.type === 'entry').map((e) => (e as { entry: ParsedEntry }).entry);
      expect(entries.map((e) => e.remittanceUnstructured)).toEqual(['Grüße', 'Grüße']);
      const end = out.find((e) => e.type === 'statement-end') as Extract<StatementEvent, { type: 'statement-end' }>;
      expect(end.warnings).toEqual([
        `invalid UTF-8 at byte ${head.length}: the rest of the file was read as Latin-1 (text before it as UTF-8)`,
      ]);
    });

    it('decodes Latin-2 when asked', async () => {
      const text = lines(
        ':20:HU',
        ':25:HU123',
        ':60F:C240301HUF0,',
        ':61:240301C5,NTRF',
        ':86:Árvíztűrő tükörfúrógép',
        ':62F:C240301HUF5,',
      );
      const bytes = Buffer.from(text.replace('ű', '\xfb').replace('ő', '\xf5'), 'latin1');
      const [stmt] = await parse(bytes, { encoding: 'latin2' });
      expect(stmt.entries[0].remittanceUnstructured).toBe('Árvíztűrő tükörfúrógép');
    });
  });

  describe('MT942 interim report (mt942-interim.sta)', () => {
    let stmt: Collected;
    beforeAll(async () => {
      [stmt] = await parse(fixture('mt942-interim.sta'));
    });

    it('has format mt942, no balances, the :13D: time as createdAt and the :34F: currency', () => {
      expect(stmt.header).toMatchObject({
        format: 'mt942',
        messageId: 'MT942-0001',
        account: 'NL74EXMP0123456789',
        accountCurrency: 'EUR',
        servicerBic: 'EXMPNL2A',
        createdAt: '2024-03-05T14:15:00+01:00',
        openingBalance: null,
        closingBalance: null,
      });
      expect(stmt.end).toMatchObject({ balanced: null, closingBalance: null, entryCount: 2, warnings: [] });
    });

    it('maps /NAME/ and /IBAN/; a charge line (NCHG) is rail OTHER', () => {
      expect(stmt.entries[0]).toMatchObject({
        remitterName: 'Example Customer',
        remitterAccount: 'NL20INGB0001234567',
        endToEndId: 'E2E-IR-1',
        remittanceUnstructured: 'VA-700001',
        rail: 'SEPA',
      });
      expect(stmt.entries[1]).toMatchObject({ rail: 'OTHER', bankTransactionCode: 'NCHG', direction: 'DBIT' });
    });

    it('warns when :90D:/:90C: totals disagree with the lines', async () => {
      const text = fixture('mt942-interim.sta').toString('utf8').replace(':90C:1EUR310,00', ':90C:2EUR320,00');
      const [s] = await parse(text);
      expect(s.end.warnings).toEqual(['line 13: :90C: says 2 entries totalling 320.00, read 1 totalling 310']);
    });

    it('recognises MT942 from its tags without SWIFT blocks', async () => {
      const [s] = await parse(
        lines(':20:R1', ':25:ACC', ':28C:1', ':34F:EUR0,', ':13D:2403051415+0000', ':61:240305C1,NTRF'),
      );
      expect(s.header.format).toBe('mt942');
      expect(s.entries[0].amount).toEqual({ amount: '1', currency: 'EUR' });
    });
  });

  describe('dialect details', () => {
    const base = (...body: string[]): string =>
      lines(':20:REF', ':25:NL74EXMP0123456789', ':28C:1/1', ':60F:C240301EUR0,00', ...body);

    it('reads /REMI/STRD/CUR/ as a structured reference and /UETR/', async () => {
      const [s] = await parse(
        base(
          ':61:240301C10,00NTRFNONREF//B1',
          ':86:/EREF/E1//REMI/STRD/CUR/RF18539007547034//UETR/8a562c67-ca16-48ba-b074-65581be6f001/',
          ':62F:C240301EUR10,00',
        ),
      );
      expect(s.entries[0]).toMatchObject({
        remittanceStructured: 'RF18539007547034',
        remittanceUnstructured: null,
        uetr: '8a562c67-ca16-48ba-b074-65581be6f001',
        endToEndId: 'E1',
      });
    });

    it('reads ING /CNTP/ (account/BIC/name) and an RD line as a reversed debit', async () => {
      const [s] = await parse(
        base(
          ':61:2403010301RD5,NDDTEREF//B2',
          ':86:/RTRN/MD06//EREF/X1//CNTP/NL20INGB0001234567/INGBNL2A/J. Example///REMI/USTD//Refund/',
          ':62F:C240301EUR5,',
        ),
      );
      expect(s.entries[0]).toMatchObject({
        direction: 'CRDT',
        reversal: true,
        returnReasonCode: 'MD06',
        remitterAccount: 'NL20INGB0001234567',
        remitterBic: 'INGBNL2A',
        remitterName: 'J. Example',
        remittanceUnstructured: 'Refund',
      });
      expect(s.end.balanced).toBe(true);
    });

    it('takes a lone "-" inside field 86 as wrapped text, and a tag-like ":12:" line as text', async () => {
      const [s] = await parse(
        base(':61:240301C1,00NTRFNONREF', ':86:/EREF/AB', '-', 'CD/REMI/x', ':12:11', ':62F:C240301EUR1,00', '-'),
      );
      expect(s.entries[0].endToEndId).toBe('AB-CD');
      expect(s.entries[0].remittanceUnstructured).toBe('x:12:11');
      expect(s.end.balanced).toBe(true);
    });

    it('uses the customer reference as bankReference only once per statement', async () => {
      const [s] = await parse(
        base(
          ':61:240301C1,NTRFINV-7',
          ':61:240301C1,NTRFINV-7',
          ':61:240301C1,NTRFN',
          ':61:240301C1,NTRFINV-8',
          ':62F:C240301EUR4,',
        ),
      );
      expect(s.entries.map((e) => e.bankReference)).toEqual(['INV-7', null, null, 'INV-8']);
    });

    it('keeps a "-" line that a field tag follows as :86: text', async () => {
      const [s] = await parse(
        base(':61:240301C1,00NTRFNONREF', ':86:/REMI/ORDER 12', '-7', ':62F:C240301EUR1,00', '-'),
      );
      expect(s.entries[0].remittanceUnstructured).toBe('ORDER 12-7');
      expect(s.end.balanced).toBe(true);
    });

    it('reads :61: without a transaction type, with a funds code, or with a blank S code', async () => {
      const [s] = await parse(
        base(
          ':61:2403010301CN220000,00//19239782213',
          ':61:240301D20,00NONREF',
          ':61:2403010301DF2402,00S   X',
          ':61:240301C500NTRF29-07-2024 10:05//B4G29',
          ':62F:C240301EUR218078,00',
        ),
      );
      expect(s.entries.map((e) => [e.direction, e.amount.amount, e.bankTransactionCode, e.bankReference])).toEqual([
        ['CRDT', '220000.00', null, '19239782213'],
        ['DBIT', '20.00', null, null],
        ['DBIT', '2402.00', 'S', null], // a one-character customer reference identifies nothing
        ['CRDT', '500', 'NTRF', 'B4G29'],
      ]);
      expect(s.end.balanced).toBe(true);
    });

    it('warns about an impossible date and leaves it null', async () => {
      const [s] = await parse(base(':61:2402300301D6,00N024NONREF', ':62F:D240301EUR6,00'));
      expect(s.entries[0].valueDate).toBeNull();
      expect(s.entries[0].bookingDate).toBe('2024-03-01');
      expect(s.end.warnings).toEqual(['line 5: impossible value date 240230 in :61:']);
      expect(s.end.closingBalance?.signedAmount).toBe('-6.00');
    });

    it('gives statements that share :20: and ":28C:0" distinct ids by their opening date', async () => {
      const text =
        lines(':20:940S', ':25:NL61RABO0300123456', ':28C:0', ':60F:C240301EUR1,', ':62F:C240301EUR1,') +
        lines(':20:940S', ':25:NL61RABO0300123456', ':28C:0', ':60F:C240302EUR1,', ':62F:C240302EUR1,');
      const stmts = await parse(text);
      expect(stmts.map((s) => s.header.statementId)).toEqual(['940S/0/2024-03-01', '940S/0/2024-03-02']);
      expect(stmts.map((s) => s.header.toDate)).toEqual(['2024-03-01', '2024-03-02']);
    });

    it('strips an ING-style currency glued to the IBAN once the balance confirms it', async () => {
      const [s] = await parse(lines(':20:X', ':25:NL20INGB0001234567EUR', ':60F:C240301EUR0,', ':62F:C240301EUR0,'));
      expect(s.header.account).toBe('NL20INGB0001234567');
    });

    it('reads the next message when "-}" and its blocks share a line', async () => {
      const stmts = await parse(
        lines(
          '{1:F01EXMPNL2AAXXX0000000000}{2:O940EXMPNL2AXXXXN}{4:',
          ':20:A',
          ':25:X',
          ':60F:C240301EUR0,',
          ':62F:C240301EUR0,',
        ) + lines('-}{5:}{1:F01EXMPDEFFAXXX0000000000}{2:O942EXMPDEFFXXXXN}{4:', ':20:B', ':25:Y', ':34F:EUR0,', '-}'),
      );
      expect(stmts.map((s) => [s.header.messageId, s.header.format, s.header.servicerBic])).toEqual([
        ['A', 'mt940', 'EXMPNL2A'],
        ['B', 'mt942', 'EXMPDEFF'],
      ]);
    });

    it('accepts string chunks and CR-only line ends', async () => {
      const [s] = await parse(
        base(':61:240301C1,00NTRFNONREF', ':86:hello', ':62F:C240301EUR1,00').replace(/\n/g, '\r'),
      );
      expect(s.entries[0].remittanceUnstructured).toBe('hello');
      expect(s.end.balanced).toBe(true);
    });

    it('warns about an unknown tag-like header line before the first statement', async () => {
      const [s] = await parse(lines(':9401:', ':20:X', ':25:A', ':60F:C240301EUR0,', ':62F:C240301EUR0,'));
      expect(s.end.warnings).toEqual(['line 1: ignored unknown tag line ":9401:" outside a statement']);
    });
  });

  describe('errors', () => {
    it('names the line of a :61: that does not fit the grammar (malformed-61.sta)', async () => {
      const err = await parseError(fixture('malformed-61.sta'));
      expect(err.location).toBe('line 7');
      expect(err.fileName).toBe('test.sta');
      expect(err.message).toContain(':61: does not match');
    });

    it('rejects a file without :20:', async () => {
      const err = await parseError(lines('1', '2', '3'));
      expect(err.reason).toContain('no :20:');
      expect(err.location).toBe('line 1');
    });

    it('rejects a malformed balance', async () => {
      const err = await parseError(lines(':20:X', ':25:A', ':60F:C2403EUR1,00'));
      expect(err.location).toBe('line 3');
      expect(err.reason).toContain('malformed balance :60F:');
    });

    it('rejects :61: before :20: and before :25:', async () => {
      expect((await parseError(lines(':61:240301C1,00NTRF'))).location).toBe('line 1');
      const err = await parseError(lines(':20:X', ':61:240301C1,00NTRF'));
      expect(err.location).toBe('line 2');
      expect(err.reason).toContain('before :20: and :25:');
    });

    it('rejects a second :25: in one statement', async () => {
      const err = await parseError(
        lines(':20:X', ':25:A', ':60F:C240301EUR0,', ':61:240301C1,NTRF', ':25:166?00GUTSCHRIFT'),
      );
      expect(err.location).toBe('line 5');
    });
  });

  describe('chunking', () => {
    it.each([
      'rabobank-tag86.sta',
      'german-zka86.sta',
      'swift-blocks-soh-etx.sta',
      'two-statements-unbalanced.sta',
      'latin1-umlauts.sta',
      'mt942-interim.sta',
    ])('%s gives the same events in 5-byte chunks as in one chunk', async (name) => {
      const bytes = fixture(name);
      expect(await events(bytes, 5)).toEqual(await events(bytes));
    });
  });

  describe('detectMt940', () => {
    it('recognises MT940, MT942 and other content', () => {
      expect(detectMt940(fixture('rabobank-tag86.sta').toString('latin1'))).toBe('mt940');
      expect(detectMt940(fixture('swift-blocks-soh-etx.sta').toString('latin1'))).toBe('mt940');
      expect(detectMt940(fixture('mt942-interim.sta').toString('latin1'))).toBe('mt942');
      expect(detectMt940(lines(':20:R', ':25:A', ':28C:1', ':34F:EUR0,', ':13D:2403051415+0000'))).toBe('mt942');
      expect(detectMt940('<?xml version="1.0"?><Document/>')).toBeNull();
      expect(detectMt940('101 091000019 1234567890240102')).toBeNull();
      expect(detectMt940('1\n2\n3\n')).toBeNull();
    });
  });
});
