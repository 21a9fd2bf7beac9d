-- For comparison only: the same lookup with the binding in its own round trip inside an explicit
-- transaction (BEGIN; bind; query; COMMIT: four round trips instead of one).
\set t random(1, 50)
\set n random(1, 30000)
\set tid 100000000000 + :t
\set rid 100000000000 + :n
BEGIN;
SELECT set_config('app.tenant_id', '00000000-0000-4000-8000-' || :tid, true);
SELECT status, ts FROM kora.flow_executions WHERE id = ('00000000-0000-4000-8000-' || :rid)::uuid;
COMMIT;
