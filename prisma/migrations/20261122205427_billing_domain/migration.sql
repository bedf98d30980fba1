-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "payment_term_days" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "payment_term_kind" TEXT NOT NULL DEFAULT 'calendar';

-- CreateTable
CREATE TABLE "charges" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "billing_cycle" TEXT NOT NULL,
    "product" TEXT NOT NULL,
    "usage" TEXT NOT NULL,
    "amount" DECIMAL(20,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "bill_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "charges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bill_lines" (
    "id" UUID NOT NULL,
    "bill_id" UUID NOT NULL,
    "product" TEXT NOT NULL,
    "usage" TEXT NOT NULL,
    "amount" DECIMAL(20,4) NOT NULL,

    CONSTRAINT "bill_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stored_value_cards" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "valid_month" TEXT NOT NULL,
    "amount" DECIMAL(20,4) NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_value_cards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "coupons" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount" DECIMAL(20,4) NOT NULL,
    "valid_until" TEXT NOT NULL,
    "bill_id" UUID,
    "used_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "coupons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refunds" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "billing_cycle" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount" DECIMAL(20,4) NOT NULL,
    "remaining" DECIMAL(20,4) NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refunds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "financial_relationships" (
    "id" UUID NOT NULL,
    "main_customer_id" UUID NOT NULL,
    "member_customer_id" UUID NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(6),

    CONSTRAINT "financial_relationships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing_runs" (
    "billing_cycle" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(6),
    "bills_issued" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "billing_runs_pkey" PRIMARY KEY ("billing_cycle")
);

-- CreateIndex
CREATE INDEX "charges_billing_cycle_bill_id_idx" ON "charges"("billing_cycle", "bill_id");

-- CreateIndex
CREATE INDEX "charges_customer_id_billing_cycle_idx" ON "charges"("customer_id", "billing_cycle");

-- CreateIndex
CREATE INDEX "bill_lines_bill_id_idx" ON "bill_lines"("bill_id");

-- CreateIndex
CREATE INDEX "stored_value_cards_customer_id_valid_month_idx" ON "stored_value_cards"("customer_id", "valid_month");

-- CreateIndex
CREATE UNIQUE INDEX "coupons_code_key" ON "coupons"("code");

-- CreateIndex
CREATE INDEX "coupons_customer_id_idx" ON "coupons"("customer_id");

-- CreateIndex
CREATE INDEX "refunds_customer_id_billing_cycle_idx" ON "refunds"("customer_id", "billing_cycle");

-- CreateIndex
CREATE INDEX "financial_relationships_main_customer_id_idx" ON "financial_relationships"("main_customer_id");

-- CreateIndex
CREATE INDEX "financial_relationships_member_customer_id_idx" ON "financial_relationships"("member_customer_id");

-- CreateIndex
CREATE INDEX "bills_billing_cycle_status_idx" ON "bills"("billing_cycle", "status");

-- AddForeignKey
ALTER TABLE "bill_lines" ADD CONSTRAINT "bill_lines_bill_id_fkey" FOREIGN KEY ("bill_id") REFERENCES "bills"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Bills are updated in place by every payment: room on each page keeps those updates HOT
ALTER TABLE "bills" SET (fillfactor = 80);
