-- issue 11 item 11: a member key without a customer would see every customer. It cannot exist:
-- deleting a customer deletes its member keys (was ON DELETE SET NULL), and a CHECK refuses a
-- member key without a customer.
DELETE FROM "api_keys" WHERE "role" = 'member' AND "customer_id" IS NULL;

ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_member_has_customer_check" CHECK ("role" <> 'member' OR "customer_id" IS NOT NULL);

-- DropForeignKey
ALTER TABLE "api_keys" DROP CONSTRAINT "api_keys_customer_id_fkey";

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every replica caches the keys it has seen: a revoked, changed or deleted key is announced on
-- commit so each one forgets it at once (the apps LISTEN on remitd_api_key_revoked, the payload
-- is the key's id). The body is an E-string with \073 for the semicolons: the migration runner
-- splits scripts on semicolons.
CREATE FUNCTION "remitd_notify_api_key_revoked"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN PERFORM pg_notify(''remitd_api_key_revoked'', OLD."id"::text)\073 RETURN NULL\073 END'
;

CREATE TRIGGER "api_keys_revoked_notify"
AFTER UPDATE OR DELETE ON "api_keys"
FOR EACH ROW
EXECUTE FUNCTION "remitd_notify_api_key_revoked"();
