-- Issue 14, seed 000: "Stored value cards can be used only within the same month. If a bill spans
-- multiple months or the card was not specified at the time of order, it cannot be used for
-- deduction during automatic write-off." A charge records the service period it bills and the
-- stored-value card named when it was ordered. A card pays only the lines that name it and whose
-- service period lies within one month.
ALTER TABLE "charges" ADD COLUMN "service_period_start" DATE;
ALTER TABLE "charges" ADD COLUMN "service_period_end" DATE;
ALTER TABLE "charges" ADD COLUMN "stored_value_card_id" UUID;
ALTER TABLE "charges" ADD CONSTRAINT "charges_stored_value_card_id_fkey" FOREIGN KEY ("stored_value_card_id") REFERENCES "stored_value_cards"("id");
ALTER TABLE "charges" ADD CONSTRAINT "charges_service_period_check" CHECK (("service_period_start" IS NULL) = ("service_period_end" IS NULL) AND ("service_period_end" IS NULL OR "service_period_end" >= "service_period_start"));
