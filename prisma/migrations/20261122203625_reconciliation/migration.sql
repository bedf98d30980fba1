-- CreateTable
CREATE TABLE "bills" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "billing_cycle" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(6) NOT NULL,
    "due_date" TEXT,
    "currency" CHAR(3) NOT NULL,
    "amount" DECIMAL(20,4) NOT NULL,
    "paid" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'unsettled',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bills_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "repayments" (
    "id" UUID NOT NULL,
    "bill_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "method" TEXT NOT NULL,
    "amount" DECIMAL(20,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "journal_entry_id" UUID NOT NULL,
    "remittance_id" UUID,
    "reversed_at" TIMESTAMPTZ(6),
    "reversal_journal_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "repayments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "known_remitter_accounts" (
    "id" UUID NOT NULL,
    "account" TEXT NOT NULL,
    "customer_id" UUID NOT NULL,
    "remitter_name" TEXT,
    "learned_from_id" UUID,
    "learned_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "known_remitter_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "remittances" (
    "id" UUID NOT NULL,
    "entry_id" UUID NOT NULL,
    "state" TEXT NOT NULL,
    "customer_id" UUID,
    "rule" TEXT NOT NULL,
    "confidence" DECIMAL(4,3) NOT NULL,
    "explanation" TEXT NOT NULL,
    "flags" TEXT[],
    "currency" CHAR(3) NOT NULL,
    "booked_amount" DECIMAL(20,4) NOT NULL,
    "remitted_amount" DECIMAL(20,4) NOT NULL,
    "fee_reimbursed" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "credit_journal_id" UUID,
    "settlement_journal_id" UUID,
    "reversed_by_entry_id" UUID,
    "resolved_by" TEXT,
    "resolved_at" TIMESTAMPTZ(6),
    "note" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "remittances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fee_reimbursements" (
    "id" UUID NOT NULL,
    "remittance_id" UUID NOT NULL,
    "voucher_reference" TEXT NOT NULL,
    "amount" DECIMAL(20,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "journal_entry_id" UUID NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fee_reimbursements_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "bills_reference_key" ON "bills"("reference");

-- CreateIndex
CREATE INDEX "bills_customer_id_status_issued_at_idx" ON "bills"("customer_id", "status", "issued_at");

-- CreateIndex
CREATE UNIQUE INDEX "bills_customer_id_billing_cycle_currency_key" ON "bills"("customer_id", "billing_cycle", "currency");

-- CreateIndex
CREATE INDEX "repayments_bill_id_idx" ON "repayments"("bill_id");

-- CreateIndex
CREATE INDEX "repayments_remittance_id_idx" ON "repayments"("remittance_id");

-- CreateIndex
CREATE INDEX "repayments_customer_id_created_at_idx" ON "repayments"("customer_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "known_remitter_accounts_account_key" ON "known_remitter_accounts"("account");

-- CreateIndex
CREATE INDEX "known_remitter_accounts_customer_id_idx" ON "known_remitter_accounts"("customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "remittances_entry_id_key" ON "remittances"("entry_id");

-- CreateIndex
CREATE INDEX "remittances_state_created_at_idx" ON "remittances"("state", "created_at");

-- CreateIndex
CREATE INDEX "remittances_customer_id_created_at_idx" ON "remittances"("customer_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "fee_reimbursements_remittance_id_voucher_reference_key" ON "fee_reimbursements"("remittance_id", "voucher_reference");

-- AddForeignKey
ALTER TABLE "repayments" ADD CONSTRAINT "repayments_bill_id_fkey" FOREIGN KEY ("bill_id") REFERENCES "bills"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
