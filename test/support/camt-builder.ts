/** Builds camt.052/053/054 documents for tests and benchmarks (the project's own fixtures). */
export interface CamtEntrySpec {
  /** NtryRef and, unless acctSvcrRef says otherwise, AcctSvcrRef */
  ref?: string | null;
  /** the bank-wide AcctSvcrRef; null: the entry has only the per-statement NtryRef */
  acctSvcrRef?: string | null;
  amount: string;
  currency?: string;
  direction?: 'CRDT' | 'DBIT';
  status?: 'BOOK' | 'PDNG';
  bookingDate?: string;
  remitterName?: string;
  remitterIban?: string;
  creditedAccount?: string;
  ustrd?: string;
  strd?: string;
  endToEndId?: string;
  instructed?: { amount: string; currency: string };
  charges?: string;
  btc?: string; // Domain/Family/SubFamily
  reversal?: boolean;
  returnReason?: string;
}

export interface CamtStatementSpec {
  kind?: 'camt.053' | 'camt.052' | 'camt.054';
  msgId?: string;
  statementId?: string;
  sequence?: number;
  account: string;
  currency?: string;
  opening?: string;
  closing?: string;
  date?: string;
  entries: CamtEntrySpec[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function camtEntryXml(e: CamtEntrySpec, ccy: string, date: string): string {
  const d = e.bookingDate ?? date;
  const [domn, fmly, sub] = (e.btc ?? 'PMNT/RCDT/XBCT').split('/');
  const direction = e.direction ?? 'CRDT';
  const amt = `<Amt Ccy="${e.currency ?? ccy}">${e.amount}</Amt>`;
  const servicerRef = e.acctSvcrRef === undefined ? e.ref : e.acctSvcrRef;
  return (
    `<Ntry>${e.ref ? `<NtryRef>${esc(e.ref)}</NtryRef>` : ''}${amt}<CdtDbtInd>${direction}</CdtDbtInd>${e.reversal ? '<RvslInd>true</RvslInd>' : ''}<Sts>${e.status ?? 'BOOK'}</Sts>` +
    `<BookgDt><Dt>${d}</Dt></BookgDt><ValDt><Dt>${d}</Dt></ValDt>${servicerRef ? `<AcctSvcrRef>${esc(servicerRef)}</AcctSvcrRef>` : ''}` +
    `<BkTxCd><Domn><Cd>${domn}</Cd><Fmly><Cd>${fmly}</Cd><SubFmlyCd>${sub}</SubFmlyCd></Fmly></Domn></BkTxCd>` +
    (e.charges ? `<Chrgs><TtlChrgsAndTaxAmt Ccy="${ccy}">${e.charges}</TtlChrgsAndTaxAmt></Chrgs>` : '') +
    `<NtryDtls><TxDtls><Refs>${servicerRef ? `<AcctSvcrRef>${esc(servicerRef)}</AcctSvcrRef>` : ''}${e.endToEndId ? `<EndToEndId>${esc(e.endToEndId)}</EndToEndId>` : ''}</Refs>` +
    `<AmtDtls>${e.instructed ? `<InstdAmt><Amt Ccy="${e.instructed.currency}">${e.instructed.amount}</Amt></InstdAmt>` : ''}<TxAmt>${amt}</TxAmt></AmtDtls>` +
    `<RltdPties>${e.remitterName ? `<Dbtr><Nm>${esc(e.remitterName)}</Nm></Dbtr>` : ''}${e.remitterIban ? `<DbtrAcct><Id><IBAN>${e.remitterIban}</IBAN></Id></DbtrAcct>` : ''}` +
    `${e.creditedAccount ? `<CdtrAcct><Id><IBAN>${e.creditedAccount}</IBAN></Id></CdtrAcct>` : ''}</RltdPties>` +
    (e.ustrd || e.strd
      ? `<RmtInf>${e.ustrd ? `<Ustrd>${esc(e.ustrd)}</Ustrd>` : ''}${e.strd ? `<Strd><CdtrRefInf><Ref>${esc(e.strd)}</Ref></CdtrRefInf></Strd>` : ''}</RmtInf>`
      : '') +
    (e.returnReason ? `<RtrInf><Rsn><Cd>${e.returnReason}</Cd></Rsn></RtrInf>` : '') +
    `</TxDtls></NtryDtls></Ntry>\n`
  );
}

const ROOTS = {
  'camt.053': ['BkToCstmrStmt', 'Stmt', '053.001.02'],
  'camt.052': ['BkToCstmrAcctRpt', 'Rpt', '052.001.02'],
  'camt.054': ['BkToCstmrDbtCdtNtfctn', 'Ntfctn', '054.001.02'],
} as const;

export function camtHead(s: Omit<CamtStatementSpec, 'entries'>): string {
  const [root, stmt, ns] = ROOTS[s.kind ?? 'camt.053'];
  const ccy = s.currency ?? 'EUR';
  const date = s.date ?? '2026-11-02';
  const bal = (type: string, amount: string) =>
    `<Bal><Tp><CdOrPrtry><Cd>${type}</Cd></CdOrPrtry></Tp><Amt Ccy="${ccy}">${amount.replace('-', '')}</Amt><CdtDbtInd>${amount.startsWith('-') ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.${ns}"><${root}><GrpHdr><MsgId>${s.msgId ?? 'MSG-' + (s.statementId ?? '1')}</MsgId><CreDtTm>${date}T20:00:00</CreDtTm></GrpHdr>` +
    `<${stmt}><Id>${s.statementId ?? 'STMT-1'}</Id>${s.sequence !== undefined ? `<ElctrncSeqNb>${s.sequence}</ElctrncSeqNb>` : ''}<CreDtTm>${date}T20:00:00</CreDtTm>` +
    `<Acct><Id><IBAN>${s.account}</IBAN></Id><Ccy>${ccy}</Ccy><Svcr><FinInstnId><BIC>COBADEFFXXX</BIC></FinInstnId></Svcr></Acct>` +
    (s.opening !== undefined ? bal('OPBD', s.opening) : '') +
    (s.closing !== undefined ? bal('CLBD', s.closing) : '') +
    '\n'
  );
}

export function camtTail(kind: CamtStatementSpec['kind'] = 'camt.053'): string {
  const [root, stmt] = ROOTS[kind];
  return `</${stmt}></${root}></Document>\n`;
}

export function buildCamt(s: CamtStatementSpec): string {
  const ccy = s.currency ?? 'EUR';
  return camtHead(s) + s.entries.map((e) => camtEntryXml(e, ccy, s.date ?? '2026-11-02')).join('') + camtTail(s.kind);
}

/** closing = opening + signed entries, so the statement balances */
export function closingFor(opening: string, entries: CamtEntrySpec[]): string {
  let cents = toCents(opening);
  for (const e of entries)
    if ((e.status ?? 'BOOK') === 'BOOK') cents += (e.direction === 'DBIT' ? -1n : 1n) * toCents(e.amount);
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  return `${neg ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

function toCents(s: string): bigint {
  const neg = s.startsWith('-');
  const [i, f = ''] = s.replace('-', '').split('.');
  const v = BigInt(i) * 100n + BigInt((f + '00').slice(0, 2));
  return neg ? -v : v;
}
