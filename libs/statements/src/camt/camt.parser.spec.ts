import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseCamt053 } from 'camt-parser';
import Decimal from 'decimal.js';
import type { StatementEvent, StatementHeader } from '../statement-events';
import { StatementParseError, type BalanceValue, type ParsedEntry } from '../statement.model';
import { detectCamt, readCamt } from './index';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/camt');
const fixture = (name: string): Buffer => readFileSync(path.join(FIXTURES, name));

const V02 = 'camt053.001.02-swift-virtual-batch-reversal.xml';
const V08 = 'camt053.001.08-swiss-chf.xml';
const V04_CASH = 'camt053.001.04-cash-cheque-ach.xml';
const UNBALANCED = 'camt053.001.02-unbalanced.xml';
const R052 = 'camt052.001.02-intraday.xml';
const N054 = 'camt054.001.04-notification.xml';
const MALFORMED = 'camt053-malformed.xml';
const ALL_VALID = [V02, V08, V04_CASH, UNBALANCED, R052, N054];

interface StatementRead {
  header: StatementHeader;
  entries: ParsedEntry[];
  end: Extract<StatementEvent, { type: 'statement-end' }>;
}

async function* chunked(data: Buffer | string, size: number): AsyncGenerator<Buffer | string> {
  for (let i = 0; i < data.length; i += size) yield data.slice(i, i + size);
}

async function events(data: Buffer | string, chunkSize = 65536, fileName = 'test.xml'): Promise<StatementEvent[]> {
  const out: StatementEvent[] = [];
  for await (const event of readCamt(chunked(data, chunkSize), fileName)) out.push(event);
  return out;
}

/** groups the event stream into statements and checks the protocol order on the way */
async function read(data: Buffer | string, chunkSize?: number): Promise<StatementRead[]> {
  const statements: StatementRead[] = [];
  let current: Omit<StatementRead, 'end'> | null = null;
  for (const event of await events(data, chunkSize)) {
    if (event.type === 'statement') {
      expect(current).toBeNull();
      current = { header: event.header, entries: [] };
    } else if (event.type === 'entry') {
      expect(current).not.toBeNull();
      expect(event.entry.index).toBe(current!.entries.length);
      current!.entries.push(event.entry);
    } else {
      expect(current).not.toBeNull();
      expect(event.entryCount).toBe(current!.entries.length);
      statements.push({ ...current!, end: event });
      current = null;
    }
  }
  expect(current).toBeNull();
  return statements;
}

async function readOne(data: Buffer | string): Promise<StatementRead> {
  const statements = await read(data);
  expect(statements).toHaveLength(1);
  return statements[0];
}

async function parseError(data: Buffer | string, fileName = 'bad.xml'): Promise<StatementParseError> {
  try {
    await events(data, 65536, fileName);
  } catch (err) {
    expect(err).toBeInstanceOf(StatementParseError);
    return err as StatementParseError;
  }
  throw new Error('expected a StatementParseError');
}

const ntryOf = (e: ParsedEntry): string => e.location.replace(/\/TxDtls\[\d+\]$/, '');

// --- small inline documents for edge cases -------------------------------------------------------

const ACCT = '<Acct><Id><IBAN>DE14500700100948374650</IBAN></Id><Ccy>EUR</Ccy></Acct>';
const bal = (tp: string, amt: string, ind: string | null = 'CRDT', ccy = 'EUR') =>
  `<Bal><Tp><CdOrPrtry><Cd>${tp}</Cd></CdOrPrtry></Tp><Amt Ccy="${ccy}">${amt}</Amt>` +
  `${ind ? `<CdtDbtInd>${ind}</CdtDbtInd>` : ''}<Dt><Dt>2025-01-15</Dt></Dt></Bal>`;
const ntry = (amt: string, ind = 'CRDT', extra = '', sts: string | null = 'BOOK') =>
  `<Ntry><Amt Ccy="EUR">${amt}</Amt><CdtDbtInd>${ind}</CdtDbtInd>${sts ? `<Sts>${sts}</Sts>` : ''}` +
  `<BookgDt><Dt>2025-01-15</Dt></BookgDt><AcctSvcrRef>REF-${amt}</AcctSvcrRef>${extra}</Ntry>`;
const stmt053 = (body: string, ns = 'camt.053.001.02') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:${ns}"><BkToCstmrStmt>` +
  `<GrpHdr><MsgId>M1</MsgId><CreDtTm>2025-01-15T10:00:00Z</CreDtTm></GrpHdr>` +
  `<Stmt><Id>S1</Id>${ACCT}${body}</Stmt></BkToCstmrStmt></Document>`;

describe('readCamt: camt.053.001.02 statement with SWIFT credits, a virtual account, a batch and a reversal', () => {
  let s: StatementRead;
  beforeAll(async () => {
    s = await readOne(fixture(V02));
  });

  it('reads the statement header from GrpHdr and Stmt', () => {
    expect(s.header).toMatchObject({
      format: 'camt.053',
      messageId: 'EXMP-053-20250115-0001',
      statementId: 'STMT-20250115-0948374650',
      sequenceNumber: '15',
      account: 'DE14500700100948374650',
      accountCurrency: 'EUR',
      servicerBic: 'EXMPDEFFXXX',
      createdAt: '2025-01-15T22:05:11+01:00',
      fromDate: '2025-01-15',
      toDate: '2025-01-15',
      warnings: [],
    });
    expect(s.end.warnings).toEqual([]);
  });

  it('prefers ElctrncSeqNb over LglSeqNb for the sequence number', () => {
    expect(s.header.sequenceNumber).toBe('15');
  });

  it('takes OPBD as opening and CLBD as closing balance (CLAV is ignored)', () => {
    const opening: BalanceValue = { amount: '12500.00', currency: 'EUR', signedAmount: '12500.00', date: '2025-01-14' };
    const closing: BalanceValue = { amount: '20163.40', currency: 'EUR', signedAmount: '20163.40', date: '2025-01-15' };
    expect(s.header.openingBalance).toEqual(opening);
    expect(s.header.closingBalance).toEqual(closing);
    expect(s.end.closingBalance).toEqual(closing);
  });

  it('expands the 6 Ntry into 8 entries (batch of 3 TxDtls)', () => {
    expect(s.entries).toHaveLength(8);
    expect(new Set(s.entries.map(ntryOf)).size).toBe(6);
    expect(s.end.entryCount).toBe(8);
  });

  it('reads a SWIFT credit: instructed USD amount, repeated .001.02 Chrgs/Amt summed, debtor with Othr account and BIC', () => {
    expect(s.entries[0]).toEqual<ParsedEntry>({
      index: 0,
      direction: 'CRDT',
      amount: { amount: '4975.00', currency: 'EUR' },
      bookingDate: '2025-01-15',
      valueDate: '2025-01-15',
      status: 'BOOK',
      bankReference: 'EXMP250115XB000101',
      strongReference: 'EXMP250115XB000101',
      endToEndId: 'HVT-PO-77120',
      uetr: null,
      remitterName: 'Harborview Trading LLC',
      remitterAccount: '483920175',
      remitterBic: 'FICTUS33XXX',
      creditedAccount: 'DE14500700100948374650',
      remittanceUnstructured: 'PO 77120 INVOICE 2025-0042',
      remittanceStructured: null,
      instructedAmount: { amount: '5400.00', currency: 'USD' },
      charges: { amount: '25.00', currency: 'EUR' },
      bankTransactionCode: 'PMNT/RCDT/XBCT',
      rail: 'SWIFT',
      reversal: false,
      returnReasonCode: null,
      originalReference: null,
      changeCode: null,
      location: 'Stmt[1]/Ntry[1]/TxDtls[1]',
      additionalInfo: '/BNF/INVOICE 2025-0042 AUSLANDSUEBERWEISUNG',
    });
  });

  it('routes a credit with an inconclusive code (PMNT/RCDT/OTHR) but a GBP instructed amount from a BIC to SWIFT', () => {
    const e = s.entries[1];
    expect(e.bankTransactionCode).toBe('PMNT/RCDT/OTHR');
    expect(e.rail).toBe('SWIFT');
    expect(e.instructedAmount).toEqual({ amount: '1000.00', currency: 'GBP' });
    expect(e.charges).toEqual({ amount: '12.00', currency: 'EUR' });
    expect(e.valueDate).toBe('2025-01-16');
  });

  it('joins several Ustrd lines with a space', () => {
    expect(s.entries[1].remittanceUnstructured).toBe('Order 5521 balance payment');
  });

  it('reports the virtual IBAN from CdtrAcct as creditedAccount and the RF reference as structured remittance', () => {
    const e = s.entries[2];
    expect(e.creditedAccount).toBe('DE23500700109900018421');
    expect(e.remittanceStructured).toBe('RF64CUST184210');
    expect(e.remitterName).toBe('Jean Dupont');
    expect(e.remitterAccount).toBe('FR7630006000011234567890189');
    expect(e.remitterBic).toBe('DEMOFRPPXXX');
    expect(e.rail).toBe('SEPA');
  });

  it("ignores EndToEndId 'NOTPROVIDED'", () => {
    expect(s.entries[2].endToEndId).toBeNull();
  });

  it('turns each of the 3 batch TxDtls into an entry with its AmtDtls/TxAmt amount', () => {
    const batch = s.entries.filter((e) => ntryOf(e) === 'Stmt[1]/Ntry[4]');
    expect(batch.map((e) => e.amount.amount)).toEqual(['250.00', '750.00', '500.00']);
    expect(batch.map((e) => e.location)).toEqual([
      'Stmt[1]/Ntry[4]/TxDtls[1]',
      'Stmt[1]/Ntry[4]/TxDtls[2]',
      'Stmt[1]/Ntry[4]/TxDtls[3]',
    ]);
    expect(batch.map((e) => e.remitterName)).toEqual(['Maria Garcia', 'Pieter de Vries', 'Anna Kowalska']);
    expect(batch.map((e) => e.endToEndId)).toEqual(['E2E-MG-001', 'E2E-PV-002', 'E2E-AK-003']);
    expect(batch.every((e) => e.bookingDate === '2025-01-15' && e.status === 'BOOK' && e.direction === 'CRDT')).toBe(
      true,
    );
    expect(batch.every((e) => e.additionalInfo === 'SAMMLER-GUTSCHRIFT 3 POSTEN')).toBe(true);
  });

  it('suffixes the Ntry reference with /n for batch details without their own AcctSvcrRef', () => {
    const batch = s.entries.filter((e) => ntryOf(e) === 'Stmt[1]/Ntry[4]');
    expect(batch.map((e) => e.bankReference)).toEqual([
      'EXMP250115BT000412/1',
      'EXMP250115BT000412-B',
      'EXMP250115BT000412/3',
    ]);
  });

  it('reads a virtual account on one batch detail only', () => {
    const batch = s.entries.filter((e) => ntryOf(e) === 'Stmt[1]/Ntry[4]');
    expect(batch.map((e) => e.creditedAccount)).toEqual([null, null, 'DE28500700109900020077']);
  });

  it('reads a reversal with RtrInf: RvslInd, return reason, the creditor as counterparty, OrgnlBkTxCd ignored', () => {
    const e = s.entries[6];
    expect(e).toMatchObject({
      direction: 'DBIT',
      amount: { amount: '349.90', currency: 'EUR' },
      reversal: true,
      returnReasonCode: 'AC04',
      bankTransactionCode: 'PMNT/RCDT/RRTN',
      remitterName: 'Jean Dupont',
      remitterAccount: 'FR7630006000011234567890189',
      remitterBic: 'DEMOFRPPXXX',
      creditedAccount: null,
      additionalInfo: 'RUECKUEBERWEISUNG AC04',
    });
  });

  it('reads a pending Ntry without TxDtls, using NtryRef as the bank reference', () => {
    expect(s.entries[7]).toMatchObject({
      status: 'PDNG',
      bankReference: 'PDNG-0006',
      bookingDate: null,
      valueDate: '2025-01-16',
      location: 'Stmt[1]/Ntry[6]',
      remitterName: null,
      rail: 'SEPA',
    });
  });

  it('balances: OPBD + booked Ntry amounts (not the pending one) = CLBD', () => {
    expect(s.end.balanced).toBe(true);
    expect(s.end.warnings).toEqual([]);
  });
});

describe('readCamt: camt.053.001.08 (Sts/Cd, Pty/Nm, BICFI, UETR, Chrgs records)', () => {
  let s: StatementRead;
  beforeAll(async () => {
    s = await readOne(fixture(V08));
  });

  it('falls back to LglSeqNb and to Stmt/CreDtTm over GrpHdr/CreDtTm; BICFI servicer', () => {
    expect(s.header).toMatchObject({
      messageId: 'TSTCH-20250203-000017',
      statementId: 'TSTCH-STMT-2025-034',
      sequenceNumber: '34',
      account: 'CH2804835012345678901',
      accountCurrency: 'CHF',
      servicerBic: 'TESTCHZZ80A',
      createdAt: '2025-02-03T18:29:55+01:00',
    });
  });

  it('uses PRCD as the opening balance when there is no OPBD, with the date part of Dt/DtTm', () => {
    expect(s.header.openingBalance).toEqual({
      amount: '5000.00',
      currency: 'CHF',
      signedAmount: '5000.00',
      date: '2025-02-02',
    });
  });

  it('reads <Sts><Cd>', () => {
    expect(s.entries.map((e) => e.status)).toEqual(['BOOK', 'BOOK', 'BOOK', 'INFO']);
  });

  it('reads Dbtr/Pty/Nm, DbtrAgt BICFI, the UETR and the detail AcctSvcrRef', () => {
    expect(s.entries[0]).toMatchObject({
      remitterName: 'Société Générale Müller & Fils',
      remitterAccount: 'FR7630006000011234567890189',
      remitterBic: 'DEMOFRPPXXX',
      uetr: '8a562c67-ca16-48ba-b074-65581be6f011',
      endToEndId: 'SGMF-2025-017',
      bankReference: 'TSTCH250203XB0001-1',
      instructedAmount: { amount: '2650.00', currency: 'EUR' },
      rail: 'SWIFT',
    });
  });

  it('prefers Chrgs/TtlChrgsAndTaxAmt over the records', () => {
    expect(s.entries[0].charges).toEqual({ amount: '20.00', currency: 'CHF' });
  });

  it('sums Chrgs/Rcrd/Amt when there is no total, keeping the largest scale', () => {
    expect(s.entries[1].charges).toEqual({ amount: '3.50', currency: 'CHF' });
  });

  it('omits zero charges', () => {
    expect(s.entries[2].charges).toBeNull();
  });

  it('takes the date part of BookgDt/DtTm and ValDt/DtTm (nanosecond timestamps too)', () => {
    expect(s.entries[0].bookingDate).toBe('2025-02-03');
    expect(s.entries[1].bookingDate).toBe('2025-02-03');
    expect(s.entries[1].valueDate).toBe('2025-02-03');
  });

  it('names the creditor (Cdtr/Pty/Nm, CdtrAgt BICFI) as the counterparty of a debit', () => {
    expect(s.entries[1]).toMatchObject({
      direction: 'DBIT',
      remitterName: 'Łódź Logistics Sp. z o.o.',
      remitterAccount: 'PL61109010140000071219812874',
      remitterBic: 'SAMPPLPWXXX',
      creditedAccount: null,
    });
  });

  it('decodes UTF-8, entities and CDATA', () => {
    expect(s.entries[0].remittanceUnstructured).toBe('Rechnung 2025-017 Zürich – Lieferung März');
    expect(s.entries[1].remittanceUnstructured).toBe('東京 order 42 ✓');
    expect(s.entries[2].remitterName).toBe('Käse & Co. GmbH');
    expect(s.entries[2].remittanceUnstructured).toBe('Ref <A&B> 7');
  });

  it('uses the Ntry amount for a single TxDtls without an amount, NtryRef as reference, Prtry code with a SWIFT hint', () => {
    expect(s.entries[2]).toMatchObject({
      amount: { amount: '120.00', currency: 'CHF' },
      bankReference: 'NREF-0003',
      bankTransactionCode: 'SWIFT MT103',
      rail: 'SWIFT',
      additionalInfo: 'Zahlungseingang',
      location: 'Stmt[1]/Ntry[3]/TxDtls[1]',
    });
  });

  it('does not count the INFO entry in the balance check', () => {
    expect(s.entries[3]).toMatchObject({ status: 'INFO', amount: { amount: '10.00', currency: 'CHF' } });
    expect(s.end.balanced).toBe(true);
  });
});

describe('readCamt: camt.052.001.02 intraday report', () => {
  let s: StatementRead;
  beforeAll(async () => {
    s = await readOne(fixture(R052));
  });

  it('sets the format from BkToCstmrAcctRpt and locates entries under Rpt[n]', () => {
    expect(s.header.format).toBe('camt.052');
    expect(s.header.statementId).toBe('SAMP052-RPT-0007');
    expect(s.entries.map((e) => e.location)).toEqual([
      'Rpt[1]/Ntry[1]/TxDtls[1]',
      'Rpt[1]/Ntry[2]/TxDtls[1]',
      'Rpt[1]/Ntry[3]/TxDtls[1]',
    ]);
  });

  it('uses ITBD as the closing balance of a report without CLBD and balances it', () => {
    expect(s.end.closingBalance).toEqual({
      amount: '11500.00',
      currency: 'GBP',
      signedAmount: '11500.00',
      date: '2025-02-10',
    });
    expect(s.end.balanced).toBe(true);
  });

  it('prefers the Domn code over Prtry for the bank transaction code', () => {
    expect(s.entries[0].bankTransactionCode).toBe('PMNT/RCDT/DMCT');
    expect(s.entries[0].rail).toBe('OTHER');
  });

  it('reads DbtrAcct/Id/Othr/Id', () => {
    expect(s.entries[0].remitterAccount).toBe('40051522334455');
  });

  it('reads a pending cross-border credit with a UETR', () => {
    expect(s.entries[2]).toMatchObject({ status: 'PDNG', rail: 'SWIFT', uetr: 'f1d3a9e2-7c44-4b0e-9a1d-2b8c5e6f7a80' });
  });
});

describe('readCamt: camt.054.001.04 notification', () => {
  let s: StatementRead;
  beforeAll(async () => {
    s = await readOne(fixture(N054));
  });

  it('sets the format from BkToCstmrDbtCdtNtfctn and has no balances', () => {
    expect(s.header).toMatchObject({ format: 'camt.054', statementId: 'EXMP054-NTF-000311', sequenceNumber: '311' });
    expect(s.header.openingBalance).toBeNull();
    expect(s.end.closingBalance).toBeNull();
    expect(s.end.balanced).toBeNull();
    expect(s.entries[0].location).toBe('Ntfctn[1]/Ntry[1]/TxDtls[1]');
  });

  it('reads a virtual account number from CdtrAcct/Id/Othr/Id', () => {
    expect(s.entries[0]).toMatchObject({
      creditedAccount: 'VA-77001234',
      remitterName: 'Hofmann Kältetechnik KG',
      remitterBic: 'SAMPATWWXXX',
      remittanceStructured: 'RF25INV20250042',
    });
  });

  it('reads a SEPA direct debit with a single charge record', () => {
    expect(s.entries[1]).toMatchObject({
      direction: 'DBIT',
      rail: 'SEPA',
      bankTransactionCode: 'PMNT/IDDT/ESDD',
      remitterName: 'Beispiel Telekom AG',
      charges: { amount: '0.35', currency: 'EUR' },
      bankReference: '0002',
    });
  });

  it('expands a batch with TxDtls/Amt and suffixes the NtryRef', () => {
    expect(s.entries.slice(2).map((e) => [e.amount.amount, e.bankReference, e.remitterName])).toEqual([
      ['60.00', '0003/1', 'Ola Nordmann'],
      ['30.00', '0003/2', 'Kari Nordmann'],
    ]);
  });
});

describe('readCamt: cash deposit, cheque, ACH and proprietary codes (camt.053.001.04)', () => {
  let s: StatementRead;
  beforeAll(async () => {
    s = await readOne(fixture(V04_CASH));
  });

  it('maps PMNT/CNTR/CDPT to CASH, PMNT/RCHQ/CCHQ to CHEQUE, PMNT/RCDT/ACDT to ACH, a bare proprietary code to OTHER', () => {
    expect(s.entries.map((e) => [e.bankTransactionCode, e.rail])).toEqual([
      ['PMNT/CNTR/CDPT', 'CASH'],
      ['PMNT/RCHQ/CCHQ', 'CHEQUE'],
      ['PMNT/RCDT/ACDT', 'ACH'],
      ['NTRF+805', 'OTHER'],
    ]);
  });

  it('reads the account from Acct/Id/Othr/Id', () => {
    expect(s.header.account).toBe('4417850093');
    expect(s.header.accountCurrency).toBe('USD');
  });

  it('signs a DBIT opening balance negative and still balances', () => {
    expect(s.header.openingBalance?.signedAmount).toBe('-2500.00');
    expect(s.end.balanced).toBe(true);
  });

  it('emits one entry for an Ntry without TxDtls, with AddtlNtryInf', () => {
    expect(s.entries[3]).toMatchObject({
      direction: 'DBIT',
      location: 'Stmt[1]/Ntry[4]',
      bankReference: 'FEE-MAR-01',
      additionalInfo: 'MONTHLY ACCOUNT MAINTENANCE FEE',
      remitterName: null,
    });
  });

  it('reads the ACH credit into a sub-account (CdtrAcct Othr)', () => {
    expect(s.entries[2]).toMatchObject({ creditedAccount: '7700000418', remitterBic: null, endToEndId: 'INV88231' });
  });
});

describe('readCamt: unbalanced statement', () => {
  it('reports balanced=false with a warning naming the difference', async () => {
    const s = await readOne(fixture(UNBALANCED));
    expect(s.header.openingBalance?.signedAmount).toBe('-50.00');
    expect(s.end.balanced).toBe(false);
    expect(s.end.warnings).toEqual([
      'Stmt[1]: opening balance -50.00 + booked entries 150 = 100, but the closing balance is 150.00 EUR',
    ]);
  });

  it('is null when a balance is missing', async () => {
    const s = await readOne(stmt053(bal('OPBD', '10.00') + ntry('5.00')));
    expect(s.end.balanced).toBeNull();
  });

  it('is false when opening and closing balances are in different currencies', async () => {
    const s = await readOne(stmt053(bal('OPBD', '10.00') + bal('CLBD', '15.00', 'CRDT', 'CHF') + ntry('5.00')));
    expect(s.end.balanced).toBe(false);
    expect(s.end.warnings[0]).toMatch(/opening balance is in EUR but closing balance is in CHF/);
  });
});

describe('readCamt: errors', () => {
  it('rejects malformed XML with the line and column', async () => {
    const err = await parseError(fixture(MALFORMED), MALFORMED);
    expect(err.reason).toMatch(/^malformed XML: /);
    expect(err.location).toMatch(/^line 18:\d+$/);
    expect(err.fileName).toBe(MALFORMED);
    expect(err.message).toContain(MALFORMED);
  });

  it('rejects a file that is not XML', async () => {
    const err = await parseError('\n:20:STARTUMS\n:25:10020030/1234567\n');
    expect(err.reason).toBe("not XML: the file starts with ':20:STARTUMS :25:100'");
    expect(err.location).toBe('line 2');
    expect((await parseError('<<<>>>')).reason).toMatch(/^not XML: /);
  });

  it('rejects an empty file', async () => {
    expect((await parseError('')).reason).toMatch(/empty file/);
    expect((await parseError('  \n ')).reason).toMatch(/empty file/);
  });

  it('rejects XML truncated in the middle', async () => {
    const xml = fixture(V02).toString('utf8');
    const err = await parseError(xml.slice(0, xml.length / 2));
    expect(err.reason).toMatch(/^malformed XML: /);
  });

  it('rejects XML that is not a camt Document', async () => {
    expect((await parseError('<html><body/></html>')).reason).toBe(
      'not a camt document: root element is <html>, expected <Document>',
    );
  });

  it('rejects a Document holding another ISO 20022 message', async () => {
    const err = await parseError(
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn><GrpHdr/></CstmrCdtTrfInitn></Document>',
    );
    expect(err.reason).toBe(
      'Document has no BkToCstmrStmt/BkToCstmrAcctRpt/BkToCstmrDbtCdtNtfctn (found <CstmrCdtTrfInitn>)',
    );
  });

  it('rejects an empty Document', async () => {
    const err = await parseError(
      '<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.03">\n</Document>',
    );
    expect(err.reason).toBe('Document has no BkToCstmrStmt/BkToCstmrAcctRpt/BkToCstmrDbtCdtNtfctn');
    expect((await parseError('<Document/>')).reason).toBe(
      'Document has no BkToCstmrStmt/BkToCstmrAcctRpt/BkToCstmrDbtCdtNtfctn',
    );
  });

  it('rejects a message without any statement, report or notification', async () => {
    const err = await parseError(
      '<Document><BkToCstmrStmt><GrpHdr><MsgId>X</MsgId></GrpHdr></BkToCstmrStmt></Document>',
    );
    expect(err.reason).toBe('BkToCstmrStmt has no Stmt: the document holds no statement');
    const err054 = await parseError('<Document><BkToCstmrDbtCdtNtfctn><GrpHdr/></BkToCstmrDbtCdtNtfctn></Document>');
    expect(err054.reason).toMatch(/^BkToCstmrDbtCdtNtfctn has no Ntfctn/);
  });

  it('rejects an Ntry without Amt, naming the Ntry and its line', async () => {
    const xml = stmt053(`\n${ntry('1.00')}\n<Ntry><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>`);
    const err = await parseError(xml);
    expect(err.reason).toBe('Ntry without Amt');
    expect(err.location).toBe('Stmt[1]/Ntry[2] (line 4)');
  });

  it('rejects an Ntry without CdtDbtInd', async () => {
    const err = await parseError(stmt053('<Ntry><Amt Ccy="EUR">1.00</Amt><Sts>BOOK</Sts></Ntry>'));
    expect(err.reason).toBe('Ntry without CdtDbtInd');
  });

  it.each([['1,250.00'], ['-5.00'], ['12.'], ['.5'], ['1e3'], ['']])(
    'rejects the amount %p naming the element path and line',
    async (amt) => {
      const err = await parseError(stmt053(`\n${ntry(amt)}`));
      expect(err.reason).toMatch(/^invalid amount/);
      expect(err.location).toBe('Stmt[1]/Ntry[1]/Amt (line 3)');
    },
  );

  it('rejects a bad balance amount too', async () => {
    const err = await parseError(stmt053(bal('OPBD', '10,00')));
    expect(err.location).toMatch(/^Stmt\[1\]\/Bal\/Amt \(line \d+\)$/);
  });

  it.each([['eur'], ['EURO'], ['E1R']])('rejects the currency code %p', async (ccy) => {
    const err = await parseError(stmt053(`<Ntry><Amt Ccy="${ccy}">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>`));
    expect(err.reason).toBe(`invalid currency code '${ccy}' (expected 3 uppercase letters)`);
  });

  it('rejects an account currency that is not an ISO code', async () => {
    const err = await parseError(stmt053('').replace('<Ccy>EUR</Ccy>', '<Ccy>Euro</Ccy>'));
    expect(err.reason).toMatch(/invalid currency code 'Euro'/);
  });

  it('rejects an unknown CdtDbtInd', async () => {
    const err = await parseError(stmt053(ntry('1.00', 'CREDIT')));
    expect(err.reason).toBe("CdtDbtInd must be CRDT or DBIT, got 'CREDIT'");
  });

  it('rejects a statement without an account id', async () => {
    const err = await parseError(stmt053(ntry('1.00')).replace(ACCT, '<Acct><Ccy>EUR</Ccy></Acct>'));
    expect(err.reason).toMatch(/statement has no account id/);
  });

  it('streams: entries before the bad one are delivered before the error', async () => {
    const seen: StatementEvent['type'][] = [];
    const xml = stmt053(ntry('1.00') + ntry('2.00') + ntry('x'));
    await expect(
      (async () => {
        for await (const ev of readCamt(chunked(xml, 64), 'x.xml')) seen.push(ev.type);
      })(),
    ).rejects.toThrow(StatementParseError);
    expect(seen).toEqual(['statement', 'entry', 'entry']);
  });
});

describe('readCamt: tolerant reading with warnings', () => {
  it('reads a balance without CdtDbtInd as credit and warns', async () => {
    const s = await readOne(stmt053(bal('OPBD', '10.00', null) + bal('CLBD', '15.00', null) + ntry('5.00')));
    expect(s.header.openingBalance?.signedAmount).toBe('10.00');
    expect(s.end.balanced).toBe(true);
    expect(s.header.warnings).toEqual([]);
    expect(s.end.warnings).toEqual([
      'Stmt[1]: OPBD balance has no CdtDbtInd; read as a credit balance',
      'Stmt[1]: CLBD balance has no CdtDbtInd; read as a credit balance',
    ]);
  });

  it('reads an Ntry without Sts as booked, folding repeated warnings into one line', async () => {
    const s = await readOne(
      stmt053(ntry('1.00', 'CRDT', '', null) + ntry('2.00', 'CRDT', '', null) + ntry('3.00', 'CRDT', '', null)),
    );
    expect(s.entries.map((e) => e.status)).toEqual(['BOOK', 'BOOK', 'BOOK']);
    expect(s.end.warnings).toEqual(['Stmt[1]/Ntry[1]: Ntry without Sts; read as booked (BOOK) (and 2 more like it)']);
  });

  it('reads Sts FUTR as pending and an unknown status as INFO', async () => {
    const s = await readOne(stmt053(ntry('1.00', 'CRDT', '', 'FUTR') + ntry('2.00', 'CRDT', '', 'WHAT')));
    expect(s.entries.map((e) => e.status)).toEqual(['PDNG', 'INFO']);
    expect(s.end.warnings).toHaveLength(2);
  });

  it('keeps amounts exactly as written', async () => {
    const s = await readOne(stmt053(bal('OPBD', '18.150') + bal('CLBD', '27.000') + ntry(' 8.850 ') + ntry('0')));
    expect(s.entries.map((e) => e.amount.amount)).toEqual(['8.850', '0']);
    expect(s.header.openingBalance?.amount).toBe('18.150');
    expect(s.end.balanced).toBe(true);
  });

  it('emits one entry with the Ntry amount when several TxDtls carry no amounts, keeping the common fields', async () => {
    const tx = (name: string, ref: string) =>
      `<TxDtls><Refs><EndToEndId>E2E-1</EndToEndId></Refs><RltdPties><Dbtr><Nm>${name}</Nm></Dbtr></RltdPties>` +
      `<RmtInf><Ustrd>${ref}</Ustrd><Strd><CdtrRefInf><Ref>${ref}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>`;
    const s = await readOne(
      stmt053(ntry('90.00', 'CRDT', `<NtryDtls>${tx('A', 'R1')}${tx('B', 'R2')}${tx('A', 'R1')}</NtryDtls>`)),
    );
    expect(s.entries).toHaveLength(1);
    expect(s.entries[0]).toMatchObject({
      amount: { amount: '90.00', currency: 'EUR' },
      location: 'Stmt[1]/Ntry[1]',
      bankReference: 'REF-90.00',
      endToEndId: 'E2E-1',
      remitterName: null,
      remittanceUnstructured: 'R1 R2',
      remittanceStructured: 'R1 R2',
    });
    expect(s.end.warnings).toEqual([
      'Stmt[1]/Ntry[1]: 3 TxDtls without amounts of their own; reported as one entry with the Ntry amount',
    ]);
  });

  it('lets each TxDtls CdtDbtInd override the Ntry direction in a multi-detail entry', async () => {
    const tx = (amt: string, ind: string) =>
      `<TxDtls><Amt Ccy="EUR">${amt}</Amt><CdtDbtInd>${ind}</CdtDbtInd></TxDtls>`;
    const s = await readOne(
      stmt053(ntry('70.00', 'CRDT', `<NtryDtls>${tx('100.00', 'CRDT')}${tx('30.00', 'DBIT')}</NtryDtls>`, 'INFO')),
    );
    expect(s.entries.map((e) => [e.direction, e.amount.amount, e.status])).toEqual([
      ['CRDT', '100.00', 'INFO'],
      ['DBIT', '30.00', 'INFO'],
    ]);
    expect(s.end.warnings).toEqual([]);
  });

  it('warns when batch details do not add up to the Ntry amount', async () => {
    const tx = (amt: string) => `<TxDtls><Amt Ccy="EUR">${amt}</Amt></TxDtls>`;
    const s = await readOne(stmt053(ntry('70.00', 'CRDT', `<NtryDtls>${tx('10.00')}${tx('20.00')}</NtryDtls>`)));
    expect(s.entries).toHaveLength(2);
    expect(s.end.warnings).toEqual([
      'Stmt[1]/Ntry[1]: the 2 TxDtls amounts do not add up to the Ntry amount 70.00 EUR',
    ]);
  });

  it('keeps the booked Ntry amount and direction for a single TxDtls that disagrees, with warnings', async () => {
    const s = await readOne(
      stmt053(
        ntry('8.85', 'CRDT', '<NtryDtls><TxDtls><Amt Ccy="SEK">0</Amt><CdtDbtInd>DBIT</CdtDbtInd></TxDtls></NtryDtls>'),
      ),
    );
    expect(s.entries[0]).toMatchObject({ amount: { amount: '8.85', currency: 'EUR' }, direction: 'CRDT' });
    expect(s.end.warnings).toEqual([
      'Stmt[1]/Ntry[1]/TxDtls[1]: TxDtls amount 0 SEK differs from the Ntry amount 8.85 EUR; the Ntry amount is used',
      "Stmt[1]/Ntry[1]/TxDtls[1]: TxDtls CdtDbtInd DBIT differs from the Ntry's CRDT; the Ntry's is used",
    ]);
  });

  it('uses the account currency for an amount without Ccy, with a warning', async () => {
    const s = await readOne(stmt053('<Ntry><Amt>3.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>'));
    expect(s.entries[0].amount).toEqual({ amount: '3.00', currency: 'EUR' });
    expect(s.end.warnings[0]).toMatch(/amount without Ccy attribute, using the account currency EUR/);
  });

  it('attaches a closing balance given after the entries to statement-end only', async () => {
    const s = await readOne(stmt053(bal('OPBD', '10.00') + ntry('5.00') + bal('CLBD', '15.00')));
    expect(s.header.closingBalance).toBeNull();
    expect(s.end.closingBalance?.amount).toBe('15.00');
    expect(s.end.balanced).toBe(true);
    expect(s.end.warnings).toEqual([]);
  });

  it('uses an opening balance given after the entries for the check, with a warning', async () => {
    const s = await readOne(stmt053(ntry('5.00') + bal('OPBD', '10.00') + bal('CLBD', '15.00')));
    expect(s.header.openingBalance).toBeNull();
    expect(s.end.balanced).toBe(true);
    expect(s.end.warnings).toEqual([
      'Stmt[1]: the opening balance appears after the entries; it is used for the balance check only',
    ]);
  });

  it('falls back from OPBD to PRCD to OPAV for the opening balance', async () => {
    const opav = await readOne(stmt053(bal('OPAV', '1.00') + ntry('5.00')));
    expect(opav.header.openingBalance?.amount).toBe('1.00');
    const both = await readOne(stmt053(bal('OPAV', '1.00') + bal('PRCD', '2.00') + bal('OPBD', '3.00')));
    expect(both.header.openingBalance?.amount).toBe('3.00');
  });

  it('does not use ITBD as closing balance of a camt.053', async () => {
    const s = await readOne(stmt053(bal('OPBD', '1.00') + bal('ITBD', '6.00') + ntry('5.00')));
    expect(s.end.closingBalance).toBeNull();
  });

  it('reads several statements in one message, restarting the entry index', async () => {
    const xml = stmt053(ntry('1.00') + ntry('2.00')).replace(
      '</Stmt>',
      `</Stmt><Stmt><Id>S2</Id><Acct><Id><Othr><Id>ACC-2</Id></Othr></Id></Acct>${ntry('3.00', 'DBIT')}</Stmt>`,
    );
    const statements = await read(xml);
    expect(statements.map((s) => [s.header.statementId, s.header.account, s.entries.length])).toEqual([
      ['S1', 'DE14500700100948374650', 2],
      ['S2', 'ACC-2', 1],
    ]);
    expect(statements[1].entries[0]).toMatchObject({ index: 0, location: 'Stmt[2]/Ntry[1]', direction: 'DBIT' });
  });

  it('emits the header at statement end for a statement without entries', async () => {
    const s = await readOne(stmt053(bal('OPBD', '1.00') + bal('CLBD', '1.00')));
    expect(s.entries).toEqual([]);
    expect(s.end).toMatchObject({ balanced: true, entryCount: 0 });
  });

  it('matches on local names: namespace prefixes and versions do not matter', async () => {
    const plain = await read(fixture(V02));
    const prefixed = fixture(V02)
      .toString('utf8')
      .replace('<Document xmlns=', '<c:Document xmlns:c=')
      .replace(/<(\/?)(?!\?|!|c:Document)([A-Za-z]+)/g, '<$1c:$2');
    expect(prefixed).toContain('<c:Ntry>');
    expect(await read(prefixed)).toEqual(plain);
    const v10 = fixture(V02).toString('utf8').replace('camt.053.001.02', 'camt.053.001.10');
    expect(await read(v10)).toEqual(plain);
  });

  it('reads the camt.052.001.01 root BkToCstmrAcctRptV01 and a message without the Document wrapper', async () => {
    const v01 = `<Document><BkToCstmrAcctRptV01><GrpHdr><MsgId>R1</MsgId></GrpHdr><Rpt><Id>1</Id><Acct><Id><PrtryAcct><Id>P-1</Id></PrtryAcct></Id></Acct>${ntry('1.00')}</Rpt></BkToCstmrAcctRptV01></Document>`;
    const s = await readOne(v01);
    expect(s.header).toMatchObject({ format: 'camt.052', account: 'P-1', messageId: 'R1' });
    const bare = await readOne(
      `<BkToCstmrDbtCdtNtfctn><Ntfctn><Id>N</Id>${ACCT}${ntry('1.00')}</Ntfctn></BkToCstmrDbtCdtNtfctn>`,
    );
    expect(bare.header.format).toBe('camt.054');
  });

  it('skips a byte order mark and warns about a non-UTF-8 encoding declaration', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture(V02)]);
    expect(await read(withBom)).toEqual(await read(fixture(V02)));
    const latin = stmt053(ntry('1.00')).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const s = await readOne(latin);
    expect(s.end.warnings).toEqual(['the XML declaration names encoding ISO-8859-1; the file was read as UTF-8']);
  });
});

describe('readCamt: streaming', () => {
  it.each(ALL_VALID)('gives identical events for %s fed in 7-byte chunks and in one chunk', async (name) => {
    const data = fixture(name);
    const whole = await events(data, data.length);
    const sevens = await events(data, 7);
    expect(sevens).toEqual(whole);
    expect(whole.length).toBeGreaterThan(2);
  });

  it('reads a source that reuses one buffer for every chunk (it keeps no reference to a chunk it was given)', async () => {
    const data = fixture(V08);
    async function* reusing() {
      const shared = Buffer.alloc(100);
      for (let at = 0; at < data.length; at += 100) {
        const n = data.copy(shared, 0, at, at + 100);
        yield shared.subarray(0, n);
        shared.fill(0x3f); // the source writes over its buffer once the reader asks for more
      }
    }
    const out: StatementEvent[] = [];
    for await (const ev of readCamt(reusing())) out.push(ev);
    expect(out).toEqual(await events(data));
  });

  it('accepts string chunks and mixed string/Buffer chunks', async () => {
    const data = fixture(V08);
    const text = data.toString('utf8');
    expect(await events(text, 11)).toEqual(await events(data));
    const a = data.indexOf('<Stmt>');
    const b = data.indexOf('<Ntry>');
    async function* mixed() {
      yield data.subarray(0, a);
      yield data.subarray(a, b).toString('utf8');
      yield data.subarray(b);
    }
    const out: StatementEvent[] = [];
    for await (const ev of readCamt(mixed())) out.push(ev);
    expect(out).toEqual(await events(data));
  });

  it('yields entries before the input has ended', async () => {
    const data = fixture(V02);
    const half = data.indexOf('<!-- 4:');
    let secondHalfRequested = false;
    const seenBefore: string[] = [];
    async function* source() {
      yield data.subarray(0, half);
      secondHalfRequested = true;
      yield data.subarray(half);
    }
    for await (const ev of readCamt(source())) {
      if (!secondHalfRequested) seenBefore.push(ev.type);
    }
    expect(seenBefore).toEqual(['statement', 'entry', 'entry', 'entry']);
  });
});

describe('detectCamt', () => {
  it.each([
    [V02, 'camt.053'],
    [V08, 'camt.053'],
    [R052, 'camt.052'],
    [N054, 'camt.054'],
  ])('recognises %s as %s from its head', (name, format) => {
    expect(detectCamt(fixture(name).subarray(0, 2048).toString('utf8'))).toBe(format);
  });

  it('recognises prefixed roots, the .001.01 root and a bare camt namespace', () => {
    expect(detectCamt('<ns2:Document xmlns:ns2="x"><ns2:BkToCstmrDbtCdtNtfctn>')).toBe('camt.054');
    expect(detectCamt('<Document><BkToCstmrAcctRptV01>')).toBe('camt.052');
    expect(detectCamt('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.03">\n')).toBe('camt.053');
  });

  it('returns null for other files', () => {
    expect(detectCamt(':20:STARTUMS\n:25:10020030/1234567\n:28C:00001/001')).toBeNull();
    expect(detectCamt('101 091000019 1234567891250101')).toBeNull();
    expect(
      detectCamt('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn>'),
    ).toBeNull();
    expect(detectCamt('')).toBeNull();
  });
});

describe('cross-check with camt-parser on the camt.053 fixtures', () => {
  it.each([V02, V08, V04_CASH, UNBALANCED])('%s: same Ntry count, amounts, dates and balances', async (name) => {
    const data = fixture(name);
    const theirs = await parseCamt053(data.toString('utf8'));
    const ours = await read(data);
    expect(ours).toHaveLength(theirs.statements.length);
    theirs.statements.forEach((ts, i) => {
      const os = ours[i];
      expect(os.header.messageId).toBe(theirs.header.messageId);
      expect(os.header.statementId).toBe(ts.statementId);

      // group our entries by the Ntry they came from
      const byNtry = new Map<string, ParsedEntry[]>();
      for (const e of os.entries) byNtry.set(ntryOf(e), [...(byNtry.get(ntryOf(e)) ?? []), e]);
      const groups = [...byNtry.values()];
      expect(groups).toHaveLength(ts.transactions.length);
      ts.transactions.forEach((t, j) => {
        const group = groups[j];
        const sum = group.reduce(
          (acc, e) => (e.direction === group[0].direction ? acc.plus(e.amount.amount) : acc.minus(e.amount.amount)),
          new Decimal(0),
        );
        expect(sum.eq(t.amount.value)).toBe(true);
        expect(group[0].amount.currency).toBe(t.amount.currency);
        expect(group[0].direction).toBe(t.creditDebitIndicator);
        expect(group[0].reversal).toBe(t.reversalIndicator);
        expect(group[0].bookingDate).toBe(t.bookingDate ? t.bookingDate.slice(0, 10) : null);
        expect(group[0].valueDate).toBe(t.valueDate ? t.valueDate.slice(0, 10) : null);
        if (t.status) expect(group[0].status).toBe(t.status); // camt-parser only reads <Sts><Cd> (v8+)
        expect(group.length).toBe(Math.max(1, t.details.length));
      });

      const balance = (type: string) => ts.balances.find((b) => b.type === type);
      const opening = balance('OPBD') ?? balance('PRCD');
      const closing = balance('CLBD');
      for (const [mine, theirsBal] of [
        [os.header.openingBalance, opening],
        [os.end.closingBalance, closing],
      ] as const) {
        expect(mine).not.toBeNull();
        expect(mine!.amount).toBe(theirsBal!.amount.value);
        expect(mine!.currency).toBe(theirsBal!.amount.currency);
        expect(mine!.signedAmount.startsWith('-')).toBe(theirsBal!.creditDebitIndicator === 'DBIT');
        expect(mine!.date).toBe(theirsBal!.date.slice(0, 10));
      }
    });
  });
});
