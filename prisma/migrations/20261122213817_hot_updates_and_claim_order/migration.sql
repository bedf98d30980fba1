-- DropIndex
DROP INDEX "bills_billing_cycle_status_idx";

-- DropIndex
DROP INDEX "bills_customer_id_status_issued_at_idx";

-- DropIndex
DROP INDEX "statement_entries_recon_state_created_at_idx";

-- CreateIndex
CREATE INDEX "bills_customer_id_issued_at_idx" ON "bills"("customer_id", "issued_at");

-- CreateIndex
CREATE INDEX "bills_billing_cycle_idx" ON "bills"("billing_cycle");

-- CreateIndex
CREATE INDEX "statement_entries_recon_state_created_at_id_idx" ON "statement_entries"("recon_state", "created_at", "id");
