-- Point lookup by primary key, RLS on: the application role binds the transaction to the tenant
-- (set_config(..., true) = SET LOCAL) in the same round trip as the query. The pipeline ends with
-- one Sync, so both statements run in one implicit transaction and the binding ends with it.
\set t random(1, 50)
\set n random(1, 30000)
\set tid 100000000000 + :t
\set rid 100000000000 + :n
\startpipeline
SELECT set_config('app.tenant_id', '00000000-0000-4000-8000-' || :tid, true);
SELECT status, ts FROM kora.flow_executions WHERE id = ('00000000-0000-4000-8000-' || :rid)::uuid;
\endpipeline
