export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as { __REMITD_PG__?: { stop(): Promise<void> } }).__REMITD_PG__;
  if (pg) await pg.stop();
}
