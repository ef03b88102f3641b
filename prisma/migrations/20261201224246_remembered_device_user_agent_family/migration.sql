-- Devices remembered before this column existed keep a null family and never bypass again; they
-- expire within the remember-device lifetime (24 h by default), so nobody is locked out for long.
-- AlterTable
ALTER TABLE "RememberedDevice" ADD COLUMN "userAgentFamily" TEXT;
