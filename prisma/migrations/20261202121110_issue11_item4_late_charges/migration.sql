-- AlterTable
ALTER TABLE "charges" ADD COLUMN     "deferred_from_cycle" TEXT;
