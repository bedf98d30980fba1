-- issue 12 item 7: the "account created" e-mail names the real account holder and bank, not our
-- internal label for the collection account
ALTER TABLE "collection_accounts" ADD COLUMN "account_holder_name" TEXT;
ALTER TABLE "collection_accounts" ADD COLUMN "bank_name" TEXT;
