-- Reconciliation writes a remittance and a funds-received e-mail per credited entry. Indexes
-- on columns that are always NULL when those rows are written (sent_at, provider_message_id,
-- resolved_at) cost an index insertion per row and serve only queries for non-NULL values:
-- partial indexes serve the same queries (a range or an equality on the column implies it is
-- not NULL) and are not touched by the hot inserts.
-- Used by: outbox sentSince (sent_at >= x), SMS receipts (provider_message_id = r.provider_message_id),
-- queue dashboard (resolved_at >= since).
DROP INDEX "notifications_sent_at_idx";
CREATE INDEX "notifications_sent_at_idx" ON "notifications"("sent_at") WHERE "sent_at" IS NOT NULL;

DROP INDEX "notifications_provider_message_id_idx";
CREATE INDEX "notifications_provider_message_id_idx" ON "notifications"("provider_message_id") WHERE "provider_message_id" IS NOT NULL;

DROP INDEX "remittances_resolved_at_idx";
CREATE INDEX "remittances_resolved_at_idx" ON "remittances"("resolved_at") WHERE "resolved_at" IS NOT NULL;

-- Live updates for created remittances: one statement-level trigger over the inserted rows
-- instead of a PL/pgSQL call per row (a reconciliation batch inserts thousands in one statement).
-- Same channel, same event body and order as before. Updates keep the row trigger (column lists
-- and transition tables do not mix, and updates come one at a time).
DROP TRIGGER "remittances_created_notify" ON "remittances";

CREATE FUNCTION "remitd_notify_remittances_created"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN PERFORM pg_notify(''remitd_events'', json_build_object(''type'', ''remittance'', ''kind'', ''insert'', ''id'', n."id", ''state'', n."state", ''customerId'', n."customer_id", ''currency'', n."currency", ''remittedAmount'', n."remitted_amount"::text, ''ownerId'', n."owner_id", ''at'', clock_timestamp())::text) FROM created n\073 RETURN NULL\073 END'
;

CREATE TRIGGER "remittances_created_notify"
AFTER INSERT ON "remittances"
REFERENCING NEW TABLE AS created
FOR EACH STATEMENT
EXECUTE FUNCTION "remitd_notify_remittances_created"();
