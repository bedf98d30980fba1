/* npm run ledger:verify: checks every cached balance against its postings and every journal sums to zero. */
import 'reflect-metadata';
import path from 'node:path';
import { LedgerRepository, LedgerVerifier } from '../libs/ledger/src';
import { embeddedPostgresUrl } from '../libs/persistence/src/embedded-postgres';
import { PrismaService } from '../libs/persistence/src/prisma.service';

async function main() {
  const url =
    process.env.DATABASE_URL ??
    embeddedPostgresUrl(
      path.resolve(process.env.REMITD_DATA_DIR ?? '.data', 'pg'),
      Number(process.env.REMITD_PG_PORT ?? 54329),
    );
  const prisma = new PrismaService(url, 2);
  try {
    const report = await new LedgerVerifier(new LedgerRepository(prisma)).verify();
    console.log(JSON.stringify(report, null, 2));
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    await prisma.$disconnect();
  }
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
