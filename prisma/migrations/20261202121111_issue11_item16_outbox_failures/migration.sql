-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "failed_at" TIMESTAMPTZ(6),
ADD COLUMN     "requeued_at" TIMESTAMPTZ(6);

-- Messages given up before this migration: when they were last attempted is the best we know.
UPDATE "notifications" SET "failed_at" = "next_attempt_at" WHERE "status" = 'failed';
