-- Synthetic data for the RLS benchmark: 50 tenants, 1 000 contacts and 10 flows each, and
-- 1 500 000 flow executions (30 000 per tenant). Run as a role that bypasses RLS (the
-- benchmark cluster's superuser) on a database migrated with db/migrations.
--
-- Ids are predictable so the pgbench scripts can name a row from two integers: tenant t is
-- 00000000-0000-4000-8000-<100000000000 + t>, row n of a table is ...-<100000000000 + n>
-- (unique within its tenant, which leads every key).
\set ON_ERROR_STOP on
\set tenants 50
\set contacts 1000
\set flows 10
\set executions 30000

BEGIN;
TRUNCATE kora.flow_executions, kora.flows, kora.contacts, kora.tenants;

INSERT INTO kora.tenants (id, slug, display_name)
SELECT ('00000000-0000-4000-8000-' || (100000000000 + t))::uuid, 'bench-' || t, 'Bench tenant ' || t
FROM generate_series(1, :tenants) t;

INSERT INTO kora.contacts (tenant_id, id, display_name, phone, email, created_at)
SELECT ('00000000-0000-4000-8000-' || (100000000000 + t))::uuid,
       ('00000000-0000-4000-8000-' || (100000000000 + n))::uuid,
       'Contact ' || n, '+55 11 9' || lpad(n::text, 8, '0'), 'c' || n || '@bench.example.invalid',
       timestamptz '2026-01-01' + n * interval '1 minute'
FROM generate_series(1, :tenants) t, generate_series(1, :contacts) n;

INSERT INTO kora.flows (tenant_id, id, name, status, created_at)
SELECT ('00000000-0000-4000-8000-' || (100000000000 + t))::uuid,
       ('00000000-0000-4000-8000-' || (100000000000 + n))::uuid,
       'flow-' || n, (ARRAY['draft', 'active', 'paused', 'archived'])[1 + n % 4], timestamptz '2026-01-01'
FROM generate_series(1, :tenants) t, generate_series(1, :flows) n;

-- Deterministic spread: executions cycle over contacts, flows, statuses and 30 days.
INSERT INTO kora.flow_executions (tenant_id, id, correlation_id, contact_id, flow_id, status, ts)
SELECT ('00000000-0000-4000-8000-' || (100000000000 + t))::uuid,
       ('00000000-0000-4000-8000-' || (100000000000 + n))::uuid,
       md5(t || '/' || n)::uuid,
       ('00000000-0000-4000-8000-' || (100000000000 + 1 + n % :contacts))::uuid,
       ('00000000-0000-4000-8000-' || (100000000000 + 1 + n % :flows))::uuid,
       (ARRAY['queued', 'running', 'succeeded', 'failed', 'cancelled'])[1 + n % 5],
       timestamptz '2026-01-01' + (n % 30) * interval '1 day' + (n % 86400) * interval '1 second'
FROM generate_series(1, :tenants) t, generate_series(1, :executions) n;
COMMIT;

-- Statistics and the visibility map, as a settled production table would have them.
VACUUM (ANALYZE) kora.tenants, kora.contacts, kora.flows, kora.flow_executions;
