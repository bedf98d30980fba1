-- DropForeignKey
ALTER TABLE "postings" DROP CONSTRAINT "postings_journal_entry_id_fkey";

-- DropForeignKey
ALTER TABLE "postings" DROP CONSTRAINT "postings_ledger_account_id_fkey";
