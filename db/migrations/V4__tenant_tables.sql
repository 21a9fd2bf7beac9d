-- Tenant tables in the plan's vocabulary. Each carries tenant_id, leads its keys with it (so a
-- reference can never cross tenants) and is protected by the helper in this same transaction.
SET LOCAL ROLE kora_owner;

CREATE TABLE kora.contacts (
    tenant_id uuid NOT NULL REFERENCES kora.tenants (id),
    id uuid NOT NULL,
    display_name text NOT NULL,
    phone text,
    email text,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
SELECT kora_guard.protect_tenant_table('kora.contacts');

CREATE TABLE kora.flows (
    tenant_id uuid NOT NULL REFERENCES kora.tenants (id),
    id uuid NOT NULL,
    name text NOT NULL,
    status text NOT NULL CHECK (status IN ('draft', 'active', 'paused', 'archived')),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
SELECT kora_guard.protect_tenant_table('kora.flows');

CREATE TABLE kora.flow_executions (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    correlation_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    flow_id uuid NOT NULL,
    status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    ts timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES kora.contacts (tenant_id, id),
    FOREIGN KEY (tenant_id, flow_id) REFERENCES kora.flows (tenant_id, id)
);
CREATE INDEX flow_executions_correlation_idx ON kora.flow_executions (tenant_id, correlation_id);
SELECT kora_guard.protect_tenant_table('kora.flow_executions');

GRANT SELECT, INSERT, UPDATE, DELETE ON kora.contacts, kora.flows, kora.flow_executions TO kora_app;
GRANT SELECT ON kora.contacts, kora.flows, kora.flow_executions TO kora_reporting;

RESET ROLE;
