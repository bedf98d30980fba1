-- AlterTable
ALTER TABLE "statement_entries" ADD COLUMN     "hold" TEXT;

-- AlterTable
ALTER TABLE "statement_files" ADD COLUMN     "rejected_at" TIMESTAMPTZ(6),
ADD COLUMN     "rejected_by" TEXT,
ADD COLUMN     "rejection_reason" TEXT;

-- CreateTable
CREATE TABLE "collection_account_aliases" (
    "account_key" TEXT NOT NULL,
    "collection_account_id" UUID NOT NULL,
    "assigned_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "collection_account_aliases_pkey" PRIMARY KEY ("account_key")
);
