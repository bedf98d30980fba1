-- Issue 16 (seed 003): the arrears lifecycle. The platform reports resources, remitd keeps durable
-- timers in PostgreSQL for their deadlines, tells the platform by signed webhook (an outbox), and
-- warns the customer's contacts by e-mail and SMS (the notifications outbox).

-- A resource (instance) the platform runs for a customer: a monthly subscription (expiry,
-- auto-renew, renewal price) or pay-per-hour (hourly price).
CREATE TABLE "resources" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "customer_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "billing_mode" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(6),
    "auto_renew" BOOLEAN NOT NULL DEFAULT false,
    "renewal_price" DECIMAL(20,4),
    "hourly_price" DECIMAL(20,4),
    "status" TEXT NOT NULL DEFAULT 'active',
    "status_changed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    CONSTRAINT "resources_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "resources_billing_mode_check" CHECK ("billing_mode" IN ('monthly', 'hourly')),
    CONSTRAINT "resources_status_check" CHECK ("status" IN ('active', 'isolated', 'released', 'stopped', 'terminated')),
    CONSTRAINT "resources_monthly_check" CHECK ("billing_mode" <> 'monthly' OR ("expires_at" IS NOT NULL AND "renewal_price" IS NOT NULL AND "renewal_price" >= 0)),
    CONSTRAINT "resources_hourly_check" CHECK ("billing_mode" <> 'hourly' OR ("hourly_price" IS NOT NULL AND "hourly_price" >= 0))
);
CREATE UNIQUE INDEX "resources_external_id_key" ON "resources"("external_id");
CREATE INDEX "resources_customer_id_idx" ON "resources"("customer_id");
CREATE INDEX "resources_created_at_id_idx" ON "resources"("created_at", "id");

-- Durable timers: one row per deadline of a subject, claimed FOR UPDATE SKIP LOCKED by any
-- replica and marked done in the transaction of its effect. The natural key makes a timer
-- scheduled twice (a retried request, two replicas) one timer that fires once.
CREATE TABLE "lifecycle_timers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "subject_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(6) NOT NULL,
    "basis" TIMESTAMPTZ(6),
    "detail" JSONB NOT NULL DEFAULT '{}',
    "done_at" TIMESTAMPTZ(6),
    "outcome" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    CONSTRAINT "lifecycle_timers_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "lifecycle_timers_subject_id_kind_due_at_key" ON "lifecycle_timers"("subject_id", "kind", "due_at");
CREATE INDEX "lifecycle_timers_due_idx" ON "lifecycle_timers"("due_at") WHERE "done_at" IS NULL;

-- Who hears about a customer's resources (seed 003: the account creator, the global resource
-- collaborator, the financial collaborator, other collaborators, sub-accounts).
CREATE TABLE "message_contacts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "customer_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    CONSTRAINT "message_contacts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "message_contacts_role_check" CHECK ("role" IN ('creator', 'global_resource_collaborator', 'financial_collaborator', 'collaborator', 'sub_account')),
    CONSTRAINT "message_contacts_reachable_check" CHECK ("email" IS NOT NULL OR "phone" IS NOT NULL)
);
CREATE INDEX "message_contacts_customer_id_idx" ON "message_contacts"("customer_id");

-- Webhooks to the platform: written in the transaction of the lifecycle decision, delivered at
-- least once by the reconciler (the event id is the receiver's dedupe key).
CREATE TABLE "webhook_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "dedupe_key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "resource_id" UUID,
    "customer_id" UUID,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "delivered_at" TIMESTAMPTZ(6),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "webhook_events_status_check" CHECK ("status" IN ('pending', 'delivered', 'failed'))
);
CREATE UNIQUE INDEX "webhook_events_dedupe_key_key" ON "webhook_events"("dedupe_key");
CREATE INDEX "webhook_events_status_next_attempt_at_idx" ON "webhook_events"("status", "next_attempt_at");
CREATE INDEX "webhook_events_created_at_id_idx" ON "webhook_events"("created_at", "id");

-- The delivery log: one row per attempt.
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "event_id" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "status_code" INTEGER,
    "error" TEXT,
    "duration_ms" INTEGER NOT NULL,
    "attempted_at" TIMESTAMPTZ(6) NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "webhook_deliveries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "webhook_events"("id") ON DELETE CASCADE
);
CREATE INDEX "webhook_deliveries_event_id_idx" ON "webhook_deliveries"("event_id");

-- SMS: what the provider calls the message, and its delivery receipts.
ALTER TABLE "notifications" ADD COLUMN "provider_message_id" TEXT;
CREATE INDEX "notifications_provider_message_id_idx" ON "notifications"("provider_message_id");

CREATE TABLE "sms_delivery_receipts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "provider_message_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(6) NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT "sms_delivery_receipts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sms_delivery_receipts_provider_message_id_status_key" ON "sms_delivery_receipts"("provider_message_id", "status");

-- Pay-per-hour (seed 003: "The system will deduct fees for pay-as-you-go resources at each full
-- hour"): the hour up to which a resource's fees are deducted. The deduction moves it forward
-- in the transaction that posts the fees, so a killed run deducts no hour twice and skips none.
ALTER TABLE "resources" ADD COLUMN "billed_until" TIMESTAMPTZ(6);
CREATE INDEX "resources_hourly_due_idx" ON "resources"("billed_until", "customer_id") WHERE "billing_mode" = 'hourly' AND "status" IN ('active', 'stopped');

-- A customer whose balance went negative through pay-per-hour fees: reminded once, stopped 24 h
-- later, terminated 7 days after the stop, gone when a top-up brings the balance above 0.
CREATE TABLE "hourly_arrears" (
    "customer_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "negative_since" TIMESTAMPTZ(6) NOT NULL,
    "stopped_at" TIMESTAMPTZ(6),
    CONSTRAINT "hourly_arrears_pkey" PRIMARY KEY ("customer_id", "currency")
);

-- Balance alerts (seed 003, "Balance Alert Instructions"): a threshold per customer and currency,
-- the contacts and channels it goes to. It fires once when the balance falls below the threshold
-- (armed → fired) and re-arms when the balance is back at or above it. `crossings` counts the
-- firings: the messages' dedupe key, so a crossing is told once.
CREATE TABLE "balance_alerts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "customer_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "threshold" DECIMAL(20,4) NOT NULL,
    "contact_ids" UUID[] NOT NULL DEFAULT '{}',
    "channels" TEXT[] NOT NULL DEFAULT '{email}',
    "armed" BOOLEAN NOT NULL DEFAULT true,
    "crossings" INTEGER NOT NULL DEFAULT 0,
    "last_fired_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    CONSTRAINT "balance_alerts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "balance_alerts_customer_id_currency_threshold_key" ON "balance_alerts"("customer_id", "currency", "threshold");

-- Message subscription management (seed 003: "after specifying the recipients and receiving
-- channels via Message Subscription Management"): per customer and message type, who gets it on
-- which channels. A type without rows goes to the seed's roles on every channel they have.
CREATE TABLE "message_subscriptions" (
    "customer_id" UUID NOT NULL,
    "message_type" TEXT NOT NULL,
    "contact_id" UUID NOT NULL,
    "channels" TEXT[] NOT NULL,
    CONSTRAINT "message_subscriptions_pkey" PRIMARY KEY ("customer_id", "message_type", "contact_id"),
    CONSTRAINT "message_subscriptions_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "message_contacts"("id") ON DELETE CASCADE
);
