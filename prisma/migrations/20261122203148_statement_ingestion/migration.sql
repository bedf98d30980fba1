-- CreateTable
CREATE TABLE "statement_files" (
    "id" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "format" TEXT,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "error_location" TEXT,
    "stored_path" TEXT NOT NULL,
    "statement_count" INTEGER NOT NULL DEFAULT 0,
    "entry_count" INTEGER NOT NULL DEFAULT 0,
    "new_entry_count" INTEGER NOT NULL DEFAULT 0,
    "received_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(6),

    CONSTRAINT "statement_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statements" (
    "id" UUID NOT NULL,
    "file_id" UUID NOT NULL,
    "index_in_file" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "account_key" TEXT NOT NULL,
    "collection_account_id" UUID,
    "message_id" TEXT,
    "statement_ref" TEXT,
    "sequence_number" TEXT,
    "currency" CHAR(3),
    "opening_balance" DECIMAL(20,4),
    "closing_balance" DECIMAL(20,4),
    "opening_date" TEXT,
    "closing_date" TEXT,
    "balanced" BOOLEAN,
    "entry_count" INTEGER NOT NULL,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "statements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement_entries" (
    "id" UUID NOT NULL,
    "account_key" TEXT NOT NULL,
    "natural_key" TEXT NOT NULL,
    "collection_account_id" UUID,
    "file_id" UUID NOT NULL,
    "statement_id" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "amount" DECIMAL(20,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "booking_date" TEXT,
    "value_date" TEXT,
    "status" TEXT NOT NULL,
    "bank_reference" TEXT,
    "end_to_end_id" TEXT,
    "uetr" TEXT,
    "remitter_name" TEXT,
    "remitter_account" TEXT,
    "remitter_bic" TEXT,
    "credited_account" TEXT,
    "remittance_unstructured" TEXT,
    "remittance_structured" TEXT,
    "instructed_amount" DECIMAL(20,4),
    "instructed_currency" CHAR(3),
    "charges_amount" DECIMAL(20,4),
    "charges_currency" CHAR(3),
    "bank_transaction_code" TEXT,
    "rail" TEXT NOT NULL,
    "reversal" BOOLEAN NOT NULL DEFAULT false,
    "return_reason_code" TEXT,
    "original_reference" TEXT,
    "change_code" TEXT,
    "location" TEXT NOT NULL,
    "additional_info" TEXT,
    "recon_state" TEXT NOT NULL DEFAULT 'pending',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "statement_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement_alerts" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "account_key" TEXT NOT NULL,
    "statement_id" UUID,
    "file_id" UUID,
    "message" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(6),
    "acknowledged_by" TEXT,

    CONSTRAINT "statement_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "statement_files_sha256_key" ON "statement_files"("sha256");

-- CreateIndex
CREATE INDEX "statement_files_status_received_at_idx" ON "statement_files"("status", "received_at");

-- CreateIndex
CREATE INDEX "statements_account_key_closing_date_idx" ON "statements"("account_key", "closing_date");

-- CreateIndex
CREATE UNIQUE INDEX "statements_file_id_index_in_file_key" ON "statements"("file_id", "index_in_file");

-- CreateIndex
CREATE INDEX "statement_entries_recon_state_created_at_idx" ON "statement_entries"("recon_state", "created_at");

-- CreateIndex
CREATE INDEX "statement_entries_file_id_idx" ON "statement_entries"("file_id");

-- CreateIndex
CREATE UNIQUE INDEX "statement_entries_account_key_natural_key_key" ON "statement_entries"("account_key", "natural_key");

-- CreateIndex
CREATE INDEX "statement_alerts_acknowledged_at_created_at_idx" ON "statement_alerts"("acknowledged_at", "created_at");

-- AddForeignKey
ALTER TABLE "statements" ADD CONSTRAINT "statements_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "statement_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One active exclusive account per customer and currency: a partial unique index, which
-- schema.prisma cannot express (hand-written: keep it when generating later migrations).
CREATE UNIQUE INDEX "virtual_accounts_one_active_per_customer_currency" ON "virtual_accounts"("customer_id", "currency") WHERE "status" = 'active';
