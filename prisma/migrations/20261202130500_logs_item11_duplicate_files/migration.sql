-- CreateTable
CREATE TABLE "statement_file_duplicates" (
    "id" UUID NOT NULL,
    "duplicate_of_id" UUID NOT NULL,
    "source_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "received_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "statement_file_duplicates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "statement_file_duplicates_received_at_id_idx" ON "statement_file_duplicates"("received_at", "id");

-- CreateIndex
CREATE INDEX "statement_file_duplicates_duplicate_of_id_idx" ON "statement_file_duplicates"("duplicate_of_id");
