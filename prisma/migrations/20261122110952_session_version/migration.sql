-- A plain ADD COLUMN instead of the table copy `prisma migrate diff` writes for SQLite: the
-- copy would drop "User", and with foreign keys on, dropping it cascades to every enrollment
-- and attempt. (The column goes last, where the schema declares it.)
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
