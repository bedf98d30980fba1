-- CreateTable
CREATE TABLE "source_file_receipts" (
    "source_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "modified_at" TIMESTAMPTZ(3) NOT NULL,
    "file_id" UUID NOT NULL,
    "received_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_file_receipts_pkey" PRIMARY KEY ("source_id","name","size","modified_at")
);
