/**
 * remitd command line: `npm run remitd -- <command>`.
 *   parse FILE [--format camt.053|camt.052|camt.054|mt940|mt942|nacha]
 *       prints the normalized statement(s) as JSON: what remitd reads from a bank file.
 *       Exit 0 when parsed; 1 with the error on stderr when not.
 */
import 'reflect-metadata';
import { FORMATS, parseStatementFile, StatementParseError, type StatementFormat } from '@remitd/statements';

const USAGE = `usage: npm run remitd -- parse FILE [--format ${FORMATS.join('|')}]`;

export async function runCli(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i].startsWith('--')) {
      const [k, v] = rest[i].slice(2).split('=', 2);
      flags.set(k, v ?? (rest[i + 1] && !rest[i + 1].startsWith('--') ? rest[++i] : 'true'));
    } else positional.push(rest[i]);
  }
  if (command === 'parse') {
    const file = positional[0];
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
  err(USAGE);
  return 2;
}

if (require.main === module) {
  runCli(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n')).then((code) => {
    process.exitCode = code;
  });
}
