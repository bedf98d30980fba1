-- Issue 17: the language of a customer (console start and e-mails), en or zh.
ALTER TABLE "customers" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "customers" ADD CONSTRAINT "customers_locale_check" CHECK ("locale" IN ('en', 'zh'));

-- The language a message is rendered in: the customer locale when it was queued, so a retry
-- sends the same words.
ALTER TABLE "notifications" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en';
