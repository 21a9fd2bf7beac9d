-- The response controls the product reads (docs/response.md): safe mode, throttling, degraded
-- mode and component flags off, one row per engagement, per tenant. The responder engages them
-- (V11's functions, its only way in); a person clears them; nothing deletes a row, so the table is
-- also the history of every engagement.
--
--   kora_responder  the responder service: its own schema's tables, and EXECUTE on V11's
--                   functions here; no direct privilege on any tenant table.
DO $roles$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kora_responder') THEN
        CREATE ROLE kora_responder LOGIN;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'kora_responder' AND (rolsuper OR rolbypassrls OR rolreplication)) THEN
        ALTER ROLE kora_responder NOSUPERUSER NOBYPASSRLS NOREPLICATION;
    END IF;
END
$roles$;
ALTER ROLE kora_responder NOCREATEDB NOCREATEROLE;

DO $db$
BEGIN
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO kora_responder', current_database());
END
$db$;

-- USAGE only: enough to call V11's functions; no table of the schema is granted to it.
GRANT USAGE ON SCHEMA kora TO kora_responder;

SET LOCAL ROLE kora_owner;

CREATE TABLE kora.tenant_controls (
    -- No foreign key to kora.tenants: a deterministic reseed (TRUNCATE of the registry) must not
    -- be blocked by, nor erase, the history of engagements.
    tenant_id uuid NOT NULL,
    id bigint GENERATED ALWAYS AS IDENTITY,
    control text NOT NULL CHECK (control IN ('safe_mode', 'throttle', 'degraded', 'component_off')),
    -- The component a flag turns off ('' for the tenant-wide controls).
    component text NOT NULL DEFAULT '',
    engaged_at timestamptz NOT NULL,
    engaged_by text NOT NULL CHECK (engaged_by <> ''),
    reason text NOT NULL CHECK (reason <> ''),
    incident bigint,
    cleared_at timestamptz,
    cleared_by text,
    clear_reason text,
    PRIMARY KEY (tenant_id, id),
    CHECK ((control = 'component_off') = (component <> '')),
    CHECK ((cleared_at IS NULL) = (cleared_by IS NULL) AND (cleared_at IS NULL) = (clear_reason IS NULL)),
    CHECK (cleared_by IS NULL OR (cleared_by <> '' AND clear_reason <> ''))
);

-- At most one engagement of a control per tenant and component is active: engaging is idempotent.
CREATE UNIQUE INDEX tenant_controls_active_idx ON kora.tenant_controls (tenant_id, control, component) WHERE cleared_at IS NULL;
SELECT kora_guard.protect_tenant_table('kora.tenant_controls');

-- The product reads its own tenant's controls; it can never write them.
GRANT SELECT ON kora.tenant_controls TO kora_app, kora_reporting;

RESET ROLE;
