-- Issue 15 (seed 001): unified settlement tasks. A task consolidates bills of several member
-- accounts and billing cycles: its creator (payer) balance pays them in the task order.
CREATE TABLE "settlement_tasks" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "payer_customer_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    -- draft | running | settling | not_started | closed | completed
    "status" TEXT NOT NULL DEFAULT 'draft',
    -- how many settlement passes moved money: part of each pass journal keys
    "settle_pass" INTEGER NOT NULL DEFAULT 0,
    "created_by" TEXT NOT NULL,
    "created_by_role" TEXT NOT NULL,
    "created_by_name" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT clock_timestamp(),
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT clock_timestamp(),
    "completed_at" TIMESTAMPTZ(6),
    CONSTRAINT "settlement_tasks_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "settlement_tasks_payer_customer_id_fkey" FOREIGN KEY ("payer_customer_id") REFERENCES "customers"("id"),
    CONSTRAINT "settlement_tasks_status_check" CHECK ("status" IN ('draft', 'running', 'settling', 'not_started', 'closed', 'completed'))
);
CREATE UNIQUE INDEX "settlement_tasks_reference_key" ON "settlement_tasks"("reference");
CREATE INDEX "settlement_tasks_created_at_id_idx" ON "settlement_tasks"("created_at", "id");
CREATE INDEX "settlement_tasks_payer_customer_id_idx" ON "settlement_tasks"("payer_customer_id");
CREATE INDEX "settlement_tasks_status_idx" ON "settlement_tasks"("status");

-- One account × billing cycle of a task. "open" mirrors the task being neither closed nor
-- completed (a partial index cannot look at another table): a cycle of an account is in one open
-- task only, so two concurrent creations race on this index and one loses.
CREATE TABLE "settlement_task_items" (
    "task_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "billing_cycle" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "open" BOOLEAN NOT NULL DEFAULT true,
    "paid" DECIMAL(20,4) NOT NULL DEFAULT 0,
    CONSTRAINT "settlement_task_items_pkey" PRIMARY KEY ("task_id", "customer_id", "billing_cycle"),
    CONSTRAINT "settlement_task_items_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "settlement_tasks"("id") ON DELETE CASCADE,
    CONSTRAINT "settlement_task_items_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id")
);
CREATE UNIQUE INDEX "settlement_task_items_open_cycle_key" ON "settlement_task_items"("customer_id", "billing_cycle") WHERE "open";
CREATE INDEX "settlement_task_items_customer_id_idx" ON "settlement_task_items"("customer_id");

-- Every state change with who made it.
CREATE TABLE "settlement_task_events" (
    "id" BIGSERIAL NOT NULL,
    "task_id" UUID NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_role" TEXT NOT NULL,
    "actor_name" TEXT,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT "settlement_task_events_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "settlement_task_events_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "settlement_tasks"("id") ON DELETE CASCADE
);
CREATE INDEX "settlement_task_events_task_id_id_idx" ON "settlement_task_events"("task_id", "id");

-- Admins signed in to the console may hold the unified-settlement permission too (as API keys do).
ALTER TABLE "users" ADD COLUMN "unified_settlement" BOOLEAN NOT NULL DEFAULT false;
