import type { StatementFormat } from '../statement.model';

/** camt message root element (local name) → format. camt.052.001.01 used a versioned root name. */
export const CAMT_ROOTS: Readonly<Record<string, StatementFormat>> = {
  BkToCstmrStmt: 'camt.053',
  BkToCstmrAcctRpt: 'camt.052',
  BkToCstmrAcctRptV01: 'camt.052',
  BkToCstmrDbtCdtNtfctn: 'camt.054',
};

/** format for a camt message root's local name, or null */
export function camtFormatOf(rootName: string): StatementFormat | null {
  return Object.hasOwn(CAMT_ROOTS, rootName) ? CAMT_ROOTS[rootName] : null;
}

const ROOT_TAG = /<(?:[A-Za-z_][\w.-]*:)?(BkToCstmrStmt|BkToCstmrAcctRpt(?:V01)?|BkToCstmrDbtCdtNtfctn)[\s/>]/;
const CAMT_NAMESPACE = /urn:iso:std:iso:20022:tech:xsd:camt\.05([234])\./;

/**
 * Recognises a camt.052/053/054 document from its first few KB (the root element, or failing
 * that the camt namespace). Returns null for anything else.
 */
export function detectCamt(head: string): StatementFormat | null {
  const sample = head.length > 8192 ? head.slice(0, 8192) : head;
  const root = ROOT_TAG.exec(sample);
  if (root) return camtFormatOf(root[1]);
  const ns = CAMT_NAMESPACE.exec(sample);
  if (ns && /<(?:[A-Za-z_][\w.-]*:)?Document[\s>]/.test(sample)) return `camt.05${ns[1]}` as StatementFormat;
  return null;
}
