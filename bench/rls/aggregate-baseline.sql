-- Per-tenant aggregate (30 000 rows), RLS off.
\set t random(1, 50)
\set tid 100000000000 + :t
SELECT status, count(*), max(ts) FROM kora.flow_executions
WHERE tenant_id = ('00000000-0000-4000-8000-' || :tid)::uuid
GROUP BY status;
