-- issue 11 items 2 and 10: maker-checker approval requests
CREATE TABLE "approval_requests" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "customer_id" UUID,
    "payload" JSONB NOT NULL,
    "summary" TEXT NOT NULL,
    "maker_id" TEXT NOT NULL,
    "maker_role" TEXT NOT NULL,
    "maker_name" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "checker_id" TEXT,
    "checker_role" TEXT,
    "checker_name" TEXT,
    "reason" TEXT,
    "result" JSONB,
    "decided_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "approval_requests_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "approval_requests_state_check" CHECK ("state" IN ('pending', 'approved', 'rejected')),
    -- a decided request names its checker, a pending one none
    CONSTRAINT "approval_requests_decision_check" CHECK (("state" = 'pending') = ("checker_id" IS NULL AND "decided_at" IS NULL)),
    -- four eyes: the maker never checks their own request
    CONSTRAINT "approval_requests_four_eyes_check" CHECK ("checker_id" IS NULL OR "checker_id" <> "maker_id")
);

-- CreateIndex
CREATE INDEX "approval_requests_state_created_at_id_idx" ON "approval_requests"("state", "created_at", "id");

-- CreateIndex
CREATE INDEX "approval_requests_customer_id_idx" ON "approval_requests"("customer_id");
