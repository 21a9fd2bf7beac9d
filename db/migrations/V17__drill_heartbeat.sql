-- The restore drill's heartbeat: one row every 30 s from the staging Deployment kora-heartbeat,
-- so a restore's data loss (RPO) is measured as restore point - newest heartbeat on the copy.
--
-- It lives outside schema kora on purpose: it holds no tenant data (no tenant_id column, no
-- foreign key to kora.tenants, no policy on app.tenant_id), so it is not tenant-scoped and the
-- guard (V2/V6), which checks only tenant-scoped tables, has nothing to refuse; the restore
-- drill's fingerprint and row counts leave schema kora_drill out, as it changes every 30 s.
--
-- The shape is the one Heartbeat.CreateSql creates in the local drill's throwaway clusters (IF
-- NOT EXISTS there, so it is a no-op on a migrated database). Here it is created strictly: a
-- kora_drill made earlier by someone else would not belong to kora_owner, so this fails loudly.
--
-- The writer logs in as a kora_app slot and may only append: no SELECT (the drill reads the copy
-- as the administrator), no UPDATE, no DELETE, so a leaked application login can neither hide
-- data loss nor read anything through it. At 2880 rows a day (about a million a year, well under
-- 100 MB) it is kept whole: no pruning job to get wrong.
CREATE SCHEMA kora_drill AUTHORIZATION kora_owner;

SET LOCAL ROLE kora_owner;

CREATE TABLE kora_drill.heartbeat (at timestamptz PRIMARY KEY DEFAULT clock_timestamp());

GRANT USAGE ON SCHEMA kora_drill TO kora_app;
GRANT INSERT ON kora_drill.heartbeat TO kora_app;

RESET ROLE;
