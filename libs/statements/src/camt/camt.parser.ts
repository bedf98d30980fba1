import { TextDecoder } from 'node:util';
import { DEFAULT_PARSER_LIMITS, type ParserLimits } from '../parser-limits';
import type { ByteChunks, StatementEvent } from '../statement-events';
import { CAMT_ROOTS } from './camt.detect';
import { balanceTree } from './camt-balances';
import { mount, newNode, type PathNode } from './camt-element-tree';
import { entryTree } from './camt-entry';
import { CamtReader } from './camt-reader';
import { messageTree, statementTree } from './camt-statement';
import { transactionDetailsTree } from './camt-transaction-details';

/**
 * Streaming reader for ISO 20022 camt.052 (BkToCstmrAcctRpt/Rpt), camt.053 (BkToCstmrStmt/Stmt)
 * and camt.054 (BkToCstmrDbtCdtNtfctn/Ntfctn), versions .001.01 to .001.10.
 *
 * Elements are matched on local names (namespace and version are ignored). The reader keeps the
 * current statement header and the current Ntry (with its TxDtls) only; everything else is
 * dropped as soon as it has been read, so memory does not grow with the file.
 *
 * The parts of the message are read in their own files: camt-statement (group header, statement
 * header and end), camt-balances (Bal), camt-entry (Ntry), camt-transaction-details (TxDtls),
 * camt-entry-parts (BkTxCd and Chrgs of both); camt-reader is the SAX side.
 */
export async function* readCamt(
  input: ByteChunks,
  fileName?: string,
  limits: ParserLimits = DEFAULT_PARSER_LIMITS,
): AsyncGenerator<StatementEvent> {
  const reader = new CamtReader(TREE, fileName ?? null, limits);
  const decoder = new TextDecoder('utf-8');
  let carry: Buffer | null = null;
  let failure: unknown = null;
  try {
    for await (const chunk of input) {
      let text: string;
      if (typeof chunk === 'string') {
        const pending = decoder.decode(carry ?? undefined);
        carry = null;
        text = pending ? pending + chunk : chunk;
      } else {
        // Each piece handed to the scanner ends just after a '>' (a byte never inside a UTF-8
        // sequence), and the bytes after it are decoded with the next chunk. The scanner then
        // rarely holds a partial token, and never joins strings: reading a joined (cons) string
        // a character at a time made the whole parse ~40 % slower.
        const bytes: Buffer = carry
          ? Buffer.concat([carry, chunk])
          : Buffer.isBuffer(chunk)
            ? chunk
            : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        const cut: number = bytes.lastIndexOf(0x3e) + 1;
        const split = cut > 0 && cut < bytes.length && bytes.length - cut < CARRY_LIMIT;
        // copied: a source may write its next chunk into the same buffer
        carry = split ? Buffer.from(bytes.subarray(cut)) : null;
        text = decoder.decode(split ? bytes.subarray(0, cut) : bytes, { stream: true });
      }
      if (text.length > 0) reader.write(text);
      if (reader.events.length > 0) yield* reader.drain();
    }
    const rest = decoder.decode(carry ?? undefined);
    if (rest.length > 0) reader.write(rest);
    reader.close();
  } catch (err) {
    failure = err;
  }
  // whatever was complete before a failure is still delivered, then the error
  yield* reader.drain();
  if (failure !== null) throw failure;
}

/** bytes after the last '>' of a chunk carried to the next one, at most (else handed on as they are) */
const CARRY_LIMIT = 64 * 1024;

/** Document / message root (GrpHdr) / Stmt, Rpt or Ntfctn / Bal and Ntry / NtryDtls/TxDtls */
function buildTree(): PathNode {
  const statement = statementTree();
  mount(statement, 'Bal', balanceTree());
  const entry = entryTree();
  mount(entry, 'NtryDtls/TxDtls', transactionDetailsTree());
  mount(statement, 'Ntry', entry);

  const document = newNode();
  for (const rootName of Object.keys(CAMT_ROOTS)) document.kids.set(rootName, messageTree(rootName, statement));
  return document;
}

const TREE = buildTree();
