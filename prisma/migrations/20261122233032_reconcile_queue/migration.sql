-- CreateTable
CREATE TABLE "reconcile_queue" (
    "seq" BIGSERIAL NOT NULL,
    "entry_id" UUID NOT NULL,

    CONSTRAINT "reconcile_queue_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "reconcile_queue_entry_id_key" ON "reconcile_queue"("entry_id");

-- Hand-written: entries still pending move to the queue, in the order the old claim took them
INSERT INTO "reconcile_queue" ("entry_id")
SELECT "id" FROM "statement_entries" WHERE "recon_state" = 'pending' AND "status" = 'BOOK' ORDER BY "created_at", "id";

-- DropIndex
DROP INDEX "statement_entries_recon_state_created_at_id_idx";

-- AlterTable
ALTER TABLE "statement_entries" DROP COLUMN "recon_state";
