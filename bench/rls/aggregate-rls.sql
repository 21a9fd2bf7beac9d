-- Per-tenant aggregate (30 000 rows), RLS on: the policy supplies the tenant.
\set t random(1, 50)
\set tid 100000000000 + :t
\startpipeline
SELECT set_config('app.tenant_id', '00000000-0000-4000-8000-' || :tid, true);
SELECT status, count(*), max(ts) FROM kora.flow_executions GROUP BY status;
\endpipeline
