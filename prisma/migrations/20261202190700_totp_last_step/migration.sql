-- A TOTP code works once (RFC 6238 section 5.2): the time step of the last accepted code is kept
-- and a code of that step or an earlier one is refused, even within the drift window.
ALTER TABLE "users" ADD COLUMN "totp_last_step" BIGINT;
