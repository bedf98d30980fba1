-- Issue 13, the unmatched queue for the console: who owns an item ("my queue"), how many
-- comments it has, comments, remittance vouchers, live events and the indexes behind the
-- queue's filters, sorts and the dashboard.

-- AlterTable: the owner is an actor id (`apikey:<uuid>`, `user:<uuid>`) with its display name
-- as it was when the item was taken: comment_count is kept in the comment's transaction so every
-- list row shows it without a count per row.
ALTER TABLE "remittances" ADD COLUMN "owner_id" TEXT,
ADD COLUMN "owner_name" TEXT,
ADD COLUMN "owned_at" TIMESTAMPTZ(6),
ADD COLUMN "comment_count" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "remittance_comments" (
    "id" UUID NOT NULL,
    "remittance_id" UUID NOT NULL,
    "author_id" TEXT NOT NULL,
    "author_name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "remittance_comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable: a voucher's bytes live in PostgreSQL (the only state: at most 5 MB each), once
-- per remittance and content (sha256).
CREATE TABLE "remittance_vouchers" (
    "id" UUID NOT NULL,
    "remittance_id" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "remittance_vouchers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex: a remittance's comments in order, keyset (created_at, id)
CREATE INDEX "remittance_comments_remittance_id_created_at_id_idx" ON "remittance_comments"("remittance_id", "created_at", "id");

-- CreateIndex: one voucher per remittance and content (uploading the same file again is a replay)
CREATE UNIQUE INDEX "remittance_vouchers_remittance_id_sha256_key" ON "remittance_vouchers"("remittance_id", "sha256");

-- AddForeignKey
ALTER TABLE "remittance_comments" ADD CONSTRAINT "remittance_comments_remittance_id_fkey" FOREIGN KEY ("remittance_id") REFERENCES "remittances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "remittance_vouchers" ADD CONSTRAINT "remittance_vouchers_remittance_id_fkey" FOREIGN KEY ("remittance_id") REFERENCES "remittances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Queue indexes. Every queue list names a state (default unmatched), so each index leads with it
-- and the queue (10,000+ unmatched among millions of settled remittances) is a narrow range:
-- * (state, created_at, id) replaces (state, created_at): the oldest/newest sorts are keyset on
--   the tuple (created_at, id), so a page is one index range read in order, LIMIT n+1, with no
--   sort of ties: the age filters (minAgeDays/maxAgeDays) are bounds on created_at in the same
--   range.
-- * (state, remitted_amount, id): the amount sorts, keyset on (remitted_amount, id), and the
--   minAmount/maxAmount filters as a range on the same index.
-- The other filters (currency, flag, owner, customer, and rail, collection account, text, which
-- live on the statement entry and are checked by primary key) are applied to rows read in sort
-- order from these: within one state at the queue's scale that stays a few milliseconds, and a
-- further index per filter would slow the ingestion path, which inserts every remittance.
DROP INDEX "remittances_state_created_at_idx";

-- CreateIndex
CREATE INDEX "remittances_state_created_at_id_idx" ON "remittances"("state", "created_at", "id");

-- CreateIndex
CREATE INDEX "remittances_state_remitted_amount_id_idx" ON "remittances"("state", "remitted_amount", "id");

-- Dashboard indexes: the day series read only the window's rows.
-- * created_at: inflow today and matching per day are ranges of created_at across all states.
-- * resolved_at: the queue size of a past day counts the items resolved since the window began
--   (items still unmatched come from the state index): it cannot be a partial index in Prisma's
--   schema, and the NULLs of automatic credits cost little in a b-tree.
-- * notifications.sent_at: e-mails sent today without reading every sent message.
-- CreateIndex
CREATE INDEX "remittances_created_at_idx" ON "remittances"("created_at");

-- CreateIndex
CREATE INDEX "remittances_resolved_at_idx" ON "remittances"("resolved_at");

-- CreateIndex
CREATE INDEX "notifications_sent_at_idx" ON "notifications"("sent_at");

-- Live updates (GET /events): a remittance created, or whose state or owner changed, is announced
-- on commit on channel remitd_events: the admin API LISTENs on one connection and fans the
-- events out to its server-sent-event clients. The body is an E-string with \073 for the
-- semicolons: the migration runner splits scripts on semicolons.
CREATE FUNCTION "remitd_notify_remittance_event"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN PERFORM pg_notify(''remitd_events'', json_build_object(''type'', ''remittance'', ''kind'', lower(TG_OP), ''id'', NEW."id", ''state'', NEW."state", ''customerId'', NEW."customer_id", ''currency'', NEW."currency", ''remittedAmount'', NEW."remitted_amount"::text, ''ownerId'', NEW."owner_id", ''at'', clock_timestamp())::text)\073 RETURN NULL\073 END'
;

CREATE TRIGGER "remittances_created_notify"
AFTER INSERT ON "remittances"
FOR EACH ROW
EXECUTE FUNCTION "remitd_notify_remittance_event"();

CREATE TRIGGER "remittances_changed_notify"
AFTER UPDATE OF "state", "owner_id" ON "remittances"
FOR EACH ROW
WHEN (OLD."state" IS DISTINCT FROM NEW."state" OR OLD."owner_id" IS DISTINCT FROM NEW."owner_id")
EXECUTE FUNCTION "remitd_notify_remittance_event"();
