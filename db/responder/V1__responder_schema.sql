-- The responder's own state, in its own schema of the kora database (after db/migrations, whose
-- V10 creates the kora_responder role). Owned by kora_owner like every schema object; the
-- responder's login may read and append, and update incidents and receipts, but never delete:
-- a restart or a bug cannot lose an incident or an action.
--
-- Columns say "tenant", not "tenant_id": these rows are the platform's, about tenants, not a
-- tenant's data, so the tenant-table guard (V2) does not apply; only the responder reads them.
-- Only the migration login may create a schema in the database (V1 of db/migrations).
CREATE SCHEMA responder AUTHORIZATION kora_owner;

SET LOCAL ROLE kora_owner;

REVOKE ALL ON SCHEMA responder FROM PUBLIC;
GRANT USAGE ON SCHEMA responder TO kora_responder;

CREATE TABLE responder.incidents (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{16}$'),
    starts_at timestamptz NOT NULL,
    alertname text NOT NULL,
    labels jsonb NOT NULL,
    tenant uuid,
    priority text NOT NULL CHECK (priority IN ('P0', 'P1', 'P2')),
    state text NOT NULL CHECK (state IN ('open', 'acknowledged', 'resolved')),
    opened_at timestamptz NOT NULL,
    acked_at timestamptz,
    acked_by text,
    resolved_at timestamptz,
    contained_at timestamptz,
    alert_resolved_at timestamptz,
    escalation_level text NOT NULL DEFAULT 'superadmin' CHECK (escalation_level IN ('superadmin', 'devops', 'management')),
    last_escalated_at timestamptz,
    critical_ticket boolean NOT NULL DEFAULT false,
    -- One incident per alert: Alertmanager's fingerprint and the time it started firing.
    UNIQUE (fingerprint, starts_at)
);
CREATE INDEX incidents_unresolved_idx ON responder.incidents (state) WHERE state <> 'resolved';

CREATE TABLE responder.transitions (
    incident bigint NOT NULL REFERENCES responder.incidents (id),
    seq integer NOT NULL,
    from_state text,
    to_state text NOT NULL,
    who text NOT NULL,
    at timestamptz NOT NULL,
    why text,
    PRIMARY KEY (incident, seq)
);

-- Actions an incident has taken, once each (the key of Platform's DueAction).
CREATE TABLE responder.actions (
    incident bigint NOT NULL REFERENCES responder.incidents (id),
    key text NOT NULL,
    action text NOT NULL,
    tenant uuid,
    target text NOT NULL,
    at timestamptz NOT NULL,
    outcome text NOT NULL,
    PRIMARY KEY (incident, key)
);

-- Controls engaged in the tenant database, mirrored so the metrics and the API see every tenant.
CREATE TABLE responder.controls (
    tenant uuid NOT NULL,
    control text NOT NULL,
    component text NOT NULL,
    incident bigint REFERENCES responder.incidents (id),
    engaged_at timestamptz NOT NULL,
    cleared_at timestamptz,
    cleared_by text,
    clear_reason text
);
CREATE UNIQUE INDEX controls_active_idx ON responder.controls (tenant, control, component) WHERE cleared_at IS NULL;

-- The hash-chained action log (Platform's ActionLogChain, the deploy audit log's chain).
CREATE TABLE responder.action_log (
    sequence bigint PRIMARY KEY,
    entry jsonb NOT NULL,
    hash text NOT NULL UNIQUE
);

-- Webhook bodies received (SHA-256), to refuse an identical body replayed within the window.
CREATE TABLE responder.webhook_receipts (
    digest text PRIMARY KEY,
    first_received_at timestamptz NOT NULL,
    last_received_at timestamptz NOT NULL,
    times integer NOT NULL
);

GRANT SELECT, INSERT, UPDATE ON responder.incidents, responder.controls, responder.webhook_receipts TO kora_responder;
GRANT SELECT, INSERT ON responder.transitions, responder.actions, responder.action_log TO kora_responder;

RESET ROLE;
