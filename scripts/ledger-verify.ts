/* npm run ledger:verify: checks every cached balance against its postings and every journal sums to zero. */
import 'reflect-metadata';
import { LedgerRepository, LedgerVerifier } from '../libs/ledger/src';
import { NoDatabaseError, openDatabase } from '../libs/persistence/src/database-location';
import { PrismaService } from '../libs/persistence/src/prisma.service';

async function main() {
  // the database `npm start` uses (its embedded server started for the check when it is stopped)
  const db = await openDatabase(process.env, { startIfStopped: true });
  const prisma = new PrismaService(db.url, 2);
  try {
    const report = await new LedgerVerifier(new LedgerRepository(prisma)).verify();
    console.log(JSON.stringify(report, null, 2));
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    await prisma.$disconnect();
    await db.stop();
  }
}
main().then(
  // explicit: the embedded server's exit hooks must not decide the code
  () => process.exit(process.exitCode ?? 0),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(e instanceof NoDatabaseError ? 1 : 2);
  },
);
