import { Inject, Injectable, Logger, Optional, type OnModuleDestroy } from '@nestjs/common';
import { DomainError, plural } from '@remitd/core';
import { Dec, Money } from '@remitd/money';
import { trySessionClaim, PrismaService, type SqlTx } from '@remitd/persistence';
import { accountKey, distinctKey, entryKey } from './natural-key';
import { DEFAULT_PARSER_LIMITS, fileTooLarge, PARSER_LIMITS, type ParserLimits } from './parser-limits';
import { detectFormat, fileChunks, readHead, readStatements } from './read-statements';
import type { StatementEvent, StatementHeader } from './statement-events';
import { StatementParseError, type ParsedEntry, type StatementFormat } from './statement.model';
import { StatementRepository, type EntryRow } from './statement.repository';

export interface IngestInput {
  sourceId: string;
  fileName: string;
  /** the content-addressed copy, already stored */
  storedPath: string;
  sha256: string;
  size: number;
  format?: StatementFormat;
}

export type IngestOutcome =
  | {
      status: 'ingested';
      fileId: string;
      format: StatementFormat;
      statements: number;
      entries: number;
      newEntries: number;
      alerts: number;
    }
  | { status: 'duplicate'; fileId: string; duplicateId: string; of: string; previousStatus: string }
  | { status: 'quarantined'; fileId: string; reason: string; location: string | null }
  | { status: 'busy' };

const BATCH = 1000;
/** the end-of-day statements whose balances must chain */
const CONTINUITY_FORMATS = new Set(['camt.053', 'mt940']);

class ParseFailure extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * Ingests one stored bank file exactly once. The whole file is one transaction: it is either
 * fully in the database or not at all (a parse error half-way, a crash or kill -9 roll it back).
 * Replicas claim the file through a session advisory lock that dies with its process. Entries
 * are unique by collection account + natural key, so the same transfer in several files is one
 * entry. Continuity breaks are recorded as alerts, never ignored.
 */
@Injectable()
export class IngestStatementFileUseCase implements OnModuleDestroy {
  /** statistics being gathered after a large file: finished before the connections close */
  private analyzing: Promise<void> = Promise.resolve();

  private readonly logger = new Logger('ingest');

  constructor(
    private readonly repo: StatementRepository,
    private readonly prisma: PrismaService,
    @Optional() @Inject(PARSER_LIMITS) private readonly limits: ParserLimits = DEFAULT_PARSER_LIMITS,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.analyzing;
  }

  async execute(input: IngestInput): Promise<IngestOutcome> {
    const seen = await this.repo.findFileBySha(input.sha256);
    if (seen) return this.duplicate(input, seen);
    const claim = await trySessionClaim(this.prisma.url, `statement-file:${input.sha256}`);
    if (!claim) return { status: 'busy' };
    try {
      const again = await this.repo.findFileBySha(input.sha256);
      if (again) return await this.duplicate(input, again);
      let format: StatementFormat | undefined = input.format;
      try {
        const tooLarge = fileTooLarge(input.size, this.limits, input.fileName);
        if (tooLarge) throw tooLarge;
        format ??= detectFormat(await readHead(input.storedPath), input.fileName);
        // logged once the file is committed: a file quarantined half-way logs no alert it never kept
        const logs: Deferred[] = [];
        const outcome = await this.inTransaction(claim.sql, () => this.ingest(claim.sql, input, format!, logs));
        for (const l of logs) this.logger[l.level](l.message);
        // A large file changes the tables a lot at once: fresh statistics keep the reconciler's
        // claim an index scan instead of a sort of every pending entry (autovacuum comes later).
        // The entries' own statistics (half a second for 100,000) are gathered after we answer.
        if (outcome.status === 'ingested' && outcome.newEntries >= 5000) {
          await this.repo.analyze('reconcile_queue'); // small: waited for
          this.analyzing = this.analyzing
            .then(() => this.repo.analyze('statement_entries'))
            .catch((e: unknown) => this.logger.warn(`ANALYZE statement_entries failed: ${(e as Error).message}`));
        }
        return outcome;
      } catch (e) {
        const failure = e instanceof ParseFailure ? e.cause : e instanceof StatementParseError ? e : null;
        if (!failure) throw e; // infrastructure (database, disk): the file stays in the inbox and is retried
        return await this.quarantine(claim.sql, input, format ?? null, failure);
      }
    } finally {
      await claim.release();
    }
  }

  /** Same content as a file already received: not ingested again, but listed (GET /statement-files). */
  private async duplicate(
    input: IngestInput,
    of: { id: string; fileName: string; status: string },
  ): Promise<IngestOutcome> {
    const row = await this.repo.recordDuplicate({
      duplicateOfId: of.id,
      sourceId: input.sourceId,
      fileName: input.fileName,
      size: input.size,
    });
    return { status: 'duplicate', fileId: of.id, duplicateId: row.id, of: of.fileName, previousStatus: of.status };
  }

  /** BEGIN … COMMIT on the claim's connection; any error (or the process dying) rolls it all back. */
  private async inTransaction<T>(db: SqlTx, fn: () => Promise<T>): Promise<T> {
    await db.$queryRawUnsafe('BEGIN');
    try {
      const out = await fn();
      await db.$queryRawUnsafe('COMMIT');
      return out;
    } catch (e) {
      await db.$queryRawUnsafe('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  private async quarantine(
    db: SqlTx,
    input: IngestInput,
    format: StatementFormat | null,
    failure: unknown,
  ): Promise<IngestOutcome> {
    const reason =
      failure instanceof StatementParseError
        ? failure.message
        : `parser failed: ${(failure as Error)?.message ?? String(failure)}`;
    const location = failure instanceof StatementParseError ? failure.location : null;
    const row = await this.repo.createFile(db, {
      ...input,
      format,
      status: 'quarantined',
      error: reason,
      errorLocation: location,
    });
    this.logger.warn(`quarantined ${input.fileName} (${input.sha256.slice(0, 12)}): ${reason}`);
    return { status: 'quarantined', fileId: row.id, reason, location };
  }

  private async ingest(
    tx: SqlTx,
    input: IngestInput,
    format: StatementFormat,
    logs: Deferred[],
  ): Promise<IngestOutcome> {
    const file = await this.repo.createFile(tx, { ...input, format, status: 'ingested' });
    const collections = await this.repo.collectionAccountsByKey();
    const aliases = await this.repo.collectionAccountAliases();
    const collectionIdFor = (key: string) =>
      collections.find((c) => (c.iban && accountKey(c.iban) === key) || accountKey(c.accountNumber) === key)?.id ??
      aliases.get(key) ??
      null;

    let statements = 0;
    let entries = 0;
    let newEntries = 0;
    let alerts = 0;
    let current: {
      id: string;
      header: StatementHeader;
      key: string;
      collectionAccountId: string | null;
      count: number;
      seen: Map<string, number>;
    } | null = null;
    let batch: KeyedRow[] = [];
    let inFlight: Promise<void> = Promise.resolve();

    // Parsing of the next batch overlaps the database write of the previous one.
    const flush = async () => {
      if (!batch.length || !current) return;
      const rows = batch;
      const ctx = {
        accountKey: current.key,
        collectionAccountId: current.collectionAccountId,
        fileId: file.id,
        statementId: current.id,
        format,
      };
      batch = [];
      await inFlight;
      inFlight = this.writeEntries(tx, ctx, rows).then(
        (r) => {
          newEntries += r.inserted;
          alerts += r.alerts;
        },
        (e) => {
          // data the database refuses (SQLSTATE class 22: out of range, bad encoding…) is the
          // file's fault: quarantine it rather than retry it forever
          if (
            /\b22[0-9A-Z]{3}\b|out of range|invalid byte sequence|invalid input syntax/i.test(
              String((e as Error)?.message),
            )
          ) {
            throw new ParseFailure(
              new StatementParseError(
                `the database refused a value: ${(e as Error).message.split('\n').pop()}`,
                `${rows[0].entry.location}…${rows[rows.length - 1].entry.location}`,
                input.fileName,
              ),
            );
          }
          throw e;
        },
      );
      inFlight.catch(() => undefined); // rethrown where awaited; a failed insert while parsing goes on must not be an unhandled rejection (it kills the process)
    };

    const events = readStatements(fileChunks(input.storedPath), format, input.fileName, this.limits);
    for (;;) {
      let next: IteratorResult<StatementEvent>;
      try {
        next = await events.next();
      } catch (e) {
        await inFlight.catch(() => undefined);
        throw new ParseFailure(e);
      }
      if (next.done) break;
      const ev = next.value;
      if (ev.type === 'statement') {
        await flush();
        await inFlight;
        const key = accountKey(ev.header.account);
        let collectionAccountId = collectionIdFor(key);
        if (!collectionAccountId) {
          // finance may be assigning this account right now: wait for it, then read again
          await this.repo.lockAccountKey(tx, key, 'shared');
          collectionAccountId = await this.repo.aliasOf(tx, key);
        }
        const row = await this.repo.createStatement(tx, file.id, statements, ev.header, key, collectionAccountId);
        current = { id: row.id, header: ev.header, key, collectionAccountId, count: 0, seen: new Map() };
        statements++;
        if (!collectionAccountId) {
          await this.repo.createAlert(tx, {
            kind: 'unknown_collection_account',
            accountKey: key,
            statementId: row.id,
            fileId: file.id,
            message: `statement for account ${ev.header.account}, which is not a configured collection account: its entries are held (not credited) until finance assigns the account to a collection account or rejects the file`,
          });
          alerts++;
        }
      } else if (ev.type === 'entry') {
        if (!current)
          throw new ParseFailure(
            new StatementParseError('entry outside a statement', ev.entry.location, input.fileName),
          );
        batch.push(toRow(ev.entry, current.seen, input.fileName));
        current.count++;
        entries++;
        if (batch.length >= BATCH) await flush();
      } else {
        await flush();
        await inFlight;
        if (!current) continue;
        const closing = ev.closingBalance ?? current.header.closingBalance;
        await this.repo.finishStatement(tx, current.id, {
          closingBalance: closing?.signedAmount ?? null,
          closingDate: closing?.date ?? current.header.toDate ?? null,
          balanced: ev.balanced,
          entryCount: current.count,
          warnings: [...current.header.warnings, ...ev.warnings],
          currency: current.header.accountCurrency ?? closing?.currency ?? null,
        });
        alerts += await this.checkContinuity(
          tx,
          logs,
          file.id,
          current.id,
          current.key,
          current.header,
          closing?.signedAmount ?? null,
          ev.balanced,
        );
        current = null;
      }
    }
    await flush();
    await inFlight;
    if (statements === 0) {
      throw new ParseFailure(
        new StatementParseError('the file holds no statement, report or notification', null, input.fileName),
      );
    }
    await this.repo.finishFile(tx, file.id, {
      statementCount: statements,
      entryCount: entries,
      newEntryCount: newEntries,
    });
    logs.unshift({
      level: 'log',
      message: `ingested ${input.fileName} (${format}): ${plural(statements, 'statement')}, ${plural(entries, 'entry', 'entries')}, ${newEntries} new${alerts ? `, ${plural(alerts, 'alert')}` : ''}`,
    });
    return { status: 'ingested', fileId: file.id, format, statements, entries, newEntries, alerts };
  }

  /**
   * Writes a batch of one statement's entries. A key already taken by an entry that differs in
   * amount, direction or date is a different transfer the bank filed under the same reference:
   * it is kept as its own entry and a person is told (issue 11 item 1), never dropped as a
   * duplicate. So is a bank-wide reference the statement itself repeats.
   *
   * The batch is inserted first, in one statement sent at once: the database writes it while the
   * next batch is parsed. Only the keys it found taken (none in a new file) are read back to
   * tell a re-sent entry from a different transfer under the same key; those get a key of their
   * own and a second insert.
   */
  private async writeEntries(
    tx: SqlTx,
    ctx: {
      accountKey: string;
      collectionAccountId: string | null;
      fileId: string;
      statementId: string;
      format: string;
    },
    rows: KeyedRow[],
  ): Promise<{ inserted: number; alerts: number }> {
    const written = await this.repo.insertEntries(tx, ctx, rows);
    const taken = rows.filter((r) => !written.written.has(r.naturalKey));
    const collisions: { row: KeyedRow; key: string; other: ExistingEntry }[] = [];
    if (taken.length) {
      const existing = new Map(
        (
          await this.repo.existingEntries(
            tx,
            ctx.accountKey,
            taken.map((r) => r.naturalKey),
          )
        ).map((e) => [e.naturalKey, e]),
      );
      for (const row of taken) {
        const other = existing.get(row.naturalKey);
        if (!other || sameTransfer(other, row)) continue; // sent before: stored once
        const key = row.naturalKey;
        row.naturalKey = distinctKey(key, {
          direction: row.entry.direction,
          amount: row.amount,
          currency: row.entry.amount.currency,
          date: row.entry.valueDate ?? row.entry.bookingDate,
        });
        collisions.push({ row, key, other });
      }
      if (collisions.length) {
        const again = await this.repo.insertEntries(
          tx,
          ctx,
          collisions.map((c) => c.row),
        );
        written.inserted += again.inserted;
        for (const [k, id] of again.insertedKeys) written.insertedKeys.set(k, id);
      }
    }
    let alerts = 0;
    const base = {
      kind: 'entry_key_collision',
      accountKey: ctx.accountKey,
      statementId: ctx.statementId,
      fileId: ctx.fileId,
    };
    for (const { row, key, other } of collisions) {
      const id = written.insertedKeys.get(row.naturalKey);
      if (!id) continue; // seen before: alerted then
      const e = row.entry;
      await this.repo.createAlert(tx, {
        ...base,
        message: `${e.location}: reference ${e.bankReference ?? key} was already used by another entry (${other.direction} ${other.amount} ${other.currency}, value date ${other.valueDate ?? 'none'}); this ${e.direction} ${row.amount} ${e.amount.currency} of ${e.valueDate ?? e.bookingDate ?? 'no date'} is kept as its own entry`,
        details: { entryId: id, otherEntryId: other.id, naturalKey: key, location: e.location },
      });
      alerts++;
    }
    for (const row of rows) {
      if (!row.repeated) continue;
      const id = written.insertedKeys.get(row.naturalKey);
      if (!id) continue;
      await this.repo.createAlert(tx, {
        ...base,
        message: `${row.entry.location}: the statement lists reference ${row.entry.bankReference ?? row.naturalKey} more than once; each is kept as its own entry`,
        details: { entryId: id, naturalKey: row.naturalKey, location: row.entry.location },
      });
      alerts++;
    }
    return { inserted: written.inserted, alerts };
  }

  private async checkContinuity(
    tx: SqlTx,
    logs: Deferred[],
    fileId: string,
    statementId: string,
    key: string,
    h: StatementHeader,
    closing: string | null,
    balanced: boolean | null,
  ): Promise<number> {
    // a statement the bank sent again (in another file): one alert, not a balance break against itself
    const same = await this.repo.sameStatementElsewhere(tx, statementId);
    if (same) {
      await this.repo.createAlert(tx, {
        kind: 'duplicate_statement',
        accountKey: key,
        statementId,
        fileId,
        message: `statement ${h.statementId ?? ''} (sequence ${h.sequenceNumber ?? 'none'}) was already received in file ${same.fileName}: same balances and entries, nothing new was credited`,
        details: { previousStatementId: same.id, previousFileId: same.fileId },
      });
      logs.push({
        level: 'warn',
        message: `duplicate statement ${h.statementId ?? statementId} on ${key}: already received in ${same.fileName}`,
      });
      return 1;
    }
    let n = 0;
    if (balanced === false) {
      await this.repo.createAlert(tx, {
        kind: 'unbalanced_statement',
        accountKey: key,
        statementId,
        fileId,
        message: `statement ${h.statementId ?? ''}: opening balance + entries ≠ closing balance ${closing ?? ''}`,
      });
      n++;
    }
    if (!CONTINUITY_FORMATS.has(h.format) || !h.openingBalance) return n;
    const prev = await this.repo.previousStatement(
      tx,
      key,
      h.accountCurrency ?? h.openingBalance.currency,
      statementId,
      h.openingBalance.date,
    );
    if (!prev) return n;
    const prevClosing =
      prev.closingBalance === null ? null : Money.fromStored(prev.closingBalance, h.openingBalance.currency);
    if (prevClosing && !prevClosing.amount.equals(h.openingBalance.signedAmount)) {
      await this.repo.createAlert(tx, {
        kind: 'balance_break',
        accountKey: key,
        statementId,
        fileId,
        message: `opening balance ${h.openingBalance.signedAmount} ≠ previous closing balance ${prevClosing.toString()} (statement ${prev.statementRef ?? prev.id})`,
        details: {
          previousStatementId: prev.id,
          expected: prevClosing.toString(),
          actual: h.openingBalance.signedAmount,
        },
      });
      n++;
    }
    const a = Number(prev.sequenceNumber?.split('/')[0]);
    const b = Number(h.sequenceNumber?.split('/')[0]);
    if (Number.isInteger(a) && Number.isInteger(b) && b !== a + 1 && b !== a) {
      await this.repo.createAlert(tx, {
        kind: 'sequence_gap',
        accountKey: key,
        statementId,
        fileId,
        message: `statement sequence ${h.sequenceNumber} follows ${prev.sequenceNumber}: ${b > a ? `${plural(b - a - 1, 'statement')} missing` : 'out of order'}`,
        details: { previous: prev.sequenceNumber, current: h.sequenceNumber },
      });
      n++;
    }
    if (n)
      logs.push({
        level: 'warn',
        message: `${plural(n, 'continuity alert')} on ${key} statement ${h.statementId ?? statementId}`,
      });
    return n;
  }
}

/** Decimal(20,4): the largest amount a column holds. A file with more is bad input, not an outage. */
const MAX_STORED = Money.of('9999999999999999.99', 'USD').amount;

/** scale of each currency met so far (a bad code is not cached: the slow path reports it) */
const scaleOf = new Map<string, number>();

/**
 * The common case of `scaled` without a Decimal: a plain decimal string ("1925.9", "0100") with
 * at most 15 integer digits and no more fraction digits than the currency allows, written out
 * as Money#toString() writes it. Anything else (null) takes the Decimal path and its errors.
 */
export function scaledPlain(amount: string, currency: string): string | null {
  let scale = scaleOf.get(currency);
  if (scale === undefined) {
    try {
      scale = Money.fromStored('0', currency).scale;
    } catch {
      return null;
    }
    scaleOf.set(currency, scale);
  }
  const n = amount.length;
  let i = 0;
  while (i < n - 1 && amount.charCodeAt(i) === 48 && amount.charCodeAt(i + 1) !== 46) i++; // leading zeros
  const intStart = i;
  while (i < n && amount.charCodeAt(i) >= 48 && amount.charCodeAt(i) <= 57) i++;
  const intEnd = i;
  if (intEnd === intStart || intEnd - intStart > 15) return null;
  let fraction = '';
  if (i < n) {
    if (amount.charCodeAt(i) !== 46 || i === n - 1) return null;
    for (let j = i + 1; j < n; j++) {
      const c = amount.charCodeAt(j);
      if (c < 48 || c > 57) return null;
    }
    let end = n;
    while (end > i + 1 && amount.charCodeAt(end - 1) === 48) end--; // trailing zeros do not count
    fraction = amount.slice(i + 1, end);
    if (fraction.length > scale) return null;
  }
  const int = amount.slice(intStart, intEnd);
  return scale === 0 ? int : `${int}.${fraction.padEnd(scale, '0')}`;
}

function scaled(amount: string, currency: string, location: string, fileName: string, what: string): string {
  const plain = scaledPlain(amount, currency);
  if (plain !== null) return plain;
  try {
    const m = Money.fromStored(amount, currency);
    if (m.amount.abs().greaterThan(MAX_STORED)) {
      throw new ParseFailure(
        new StatementParseError(
          `${what} ${amount} is larger than any amount remitd stores (16 integer digits)`,
          location,
          fileName,
        ),
      );
    }
    return m.toString();
  } catch (e) {
    if (e instanceof ParseFailure) throw e;
    const reason =
      e instanceof DomainError && e.code === 'UNKNOWN_CURRENCY'
        ? `unknown currency "${currency}"`
        : `${what} ${amount} has more decimals than ${currency} allows`;
    throw new ParseFailure(new StatementParseError(reason, location, fileName));
  }
}

/** A log line kept until the file's transaction commits. */
interface Deferred {
  level: 'log' | 'warn';
  message: string;
}

/** A row and whether its bank-wide reference was already used earlier in the same statement. */
type KeyedRow = EntryRow & { repeated: boolean };
type ExistingEntry = Awaited<ReturnType<StatementRepository['existingEntries']>>[number];

/** The rule the insert's SAME_TRANSFER_SQL applies, for an entry read back under a taken key. */
function sameTransfer(other: ExistingEntry, row: KeyedRow): boolean {
  const date = row.entry.valueDate ?? row.entry.bookingDate;
  return (
    other.direction === row.entry.direction &&
    other.currency === row.entry.amount.currency &&
    new Dec(other.amount).equals(row.amount) &&
    (other.valueDate === null || date === null || other.valueDate === date)
  );
}

function toRow(e: ParsedEntry, seen: Map<string, number>, fileName: string): KeyedRow {
  const key = entryKey(e, seen);
  return {
    naturalKey: key.key,
    repeated: key.strong && key.occurrence > 1,
    entry: e,
    amount: scaled(e.amount.amount, e.amount.currency, e.location, fileName, 'amount'),
    instructedAmount: e.instructedAmount
      ? scaled(e.instructedAmount.amount, e.instructedAmount.currency, e.location, fileName, 'instructed amount')
      : null,
    chargesAmount: e.charges ? scaled(e.charges.amount, e.charges.currency, e.location, fileName, 'charges') : null,
  };
}
