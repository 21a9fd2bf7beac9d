-- The tenant registry. Every object from here on belongs to kora_owner, never to the login
-- that runs the migration.
SET LOCAL ROLE kora_owner;

CREATE TABLE kora.tenants (
    id uuid PRIMARY KEY,
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    display_name text NOT NULL,
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'offboarded')),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- The registry is keyed by id rather than tenant_id, but it is tenant data all the same: a
-- session sees (and may create) only the tenant it is bound to.
ALTER TABLE kora.tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE kora.tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kora.tenants
    USING (id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (id = nullif(current_setting('app.tenant_id', true), '')::uuid);

GRANT SELECT ON kora.tenants TO kora_app, kora_reporting;

RESET ROLE;
