-- AlterTable
ALTER TABLE "collection_accounts" ADD COLUMN     "routing_number" TEXT;
