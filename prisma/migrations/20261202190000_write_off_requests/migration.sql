-- Issue 14: automatic write-off, done properly. A customer whose write-off may now succeed is
-- queued here in the same transaction as the change that made it possible: the write-off sweep of the reconciler
-- claims the queue (FOR UPDATE SKIP LOCKED, so replicas share it), pays, and
-- deletes the row in one transaction. A crash leaves the row for the next sweep.
CREATE TABLE "write_off_requests" (
    "customer_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(6) NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT "write_off_requests_pkey" PRIMARY KEY ("customer_id"),
    CONSTRAINT "write_off_requests_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE
);

CREATE INDEX "write_off_requests_requested_at_idx" ON "write_off_requests"("requested_at");

-- The immediate triggers of seed 000 that are customer settings (a credit limit raised, a frozen
-- amount lowered, automatic write-off or "write off past bills" turned on) queue the customer
-- whatever path changed them: the API, an approved credit-limit request, a script. A trigger and
-- not application code, so no path can forget it. (\073: the migration runner splits on semicolons.)
CREATE FUNCTION "remitd_queue_write_off_on_settings"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN IF NEW."auto_write_off" AND (NEW."credit_limit" > OLD."credit_limit" OR NEW."frozen_amount" < OLD."frozen_amount" OR NOT OLD."auto_write_off" OR (NEW."write_off_past_bills" AND NOT OLD."write_off_past_bills")) THEN INSERT INTO "write_off_requests" ("customer_id", "reason") VALUES (NEW."id", CASE WHEN NEW."credit_limit" > OLD."credit_limit" THEN ''credit limit raised'' WHEN NEW."frozen_amount" < OLD."frozen_amount" THEN ''frozen amount lowered'' WHEN NOT OLD."auto_write_off" THEN ''automatic bill settlement turned on'' ELSE ''write off past bills turned on'' END) ON CONFLICT ("customer_id") DO NOTHING\073 END IF\073 RETURN NULL\073 END'
;

CREATE TRIGGER "customers_queue_write_off"
AFTER UPDATE OF "credit_limit", "frozen_amount", "auto_write_off", "write_off_past_bills" ON "customers"
FOR EACH ROW
EXECUTE FUNCTION "remitd_queue_write_off_on_settings"();
