-- Hand-written: Prisma does not model storage parameters. Every posting updates its accounts'
-- cached balance. No index covers balance, so with free room on the page those updates are
-- HOT (no new index entries), as bills' are.
ALTER TABLE "ledger_accounts" SET (fillfactor = 70);
