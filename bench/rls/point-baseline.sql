-- Point lookup by primary key, RLS off: the role bypasses RLS and names the tenant in WHERE.
\set t random(1, 50)
\set n random(1, 30000)
\set tid 100000000000 + :t
\set rid 100000000000 + :n
SELECT status, ts FROM kora.flow_executions
WHERE tenant_id = ('00000000-0000-4000-8000-' || :tid)::uuid AND id = ('00000000-0000-4000-8000-' || :rid)::uuid;
