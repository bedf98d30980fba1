-- DropIndex
DROP INDEX "journal_entries_created_at_idx";
