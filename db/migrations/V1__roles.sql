-- Roles. Cluster-wide in PostgreSQL, so created only when missing (the kora and n8n databases
-- share one server), then their safety attributes are asserted every time this runs.
--
--   kora_owner      owns every schema object; NOLOGIN: migrations reach it with SET ROLE.
--   kora_app        the application: NOSUPERUSER, NOBYPASSRLS, owns nothing, sees one tenant.
--   kora_reporting  read-only reporting; also under RLS, so it reads one tenant at a time.
--
-- No password is set here: logins are granted by the platform (Entra principal or a password
-- held in the environment's vault), never by a migration in the repository.
DO $roles$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kora_owner') THEN
        CREATE ROLE kora_owner NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kora_app') THEN
        CREATE ROLE kora_app LOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kora_reporting') THEN
        CREATE ROLE kora_reporting LOGIN;
    END IF;
END
$roles$;

-- A pre-existing role must not carry powers over RLS. Only a superuser may even name the
-- SUPERUSER/BYPASSRLS/REPLICATION attributes in ALTER ROLE (a managed server's administrator is
-- not one), so they are altered only when wrong: a managed server then fails here loudly instead
-- of leaving a role that bypasses every policy.
DO $attributes$
DECLARE
    role_name text;
BEGIN
    FOR role_name IN
        SELECT rolname FROM pg_roles
        WHERE rolname IN ('kora_owner', 'kora_app', 'kora_reporting')
          AND (rolsuper OR rolbypassrls OR rolreplication)
    LOOP
        EXECUTE format('ALTER ROLE %I NOSUPERUSER NOBYPASSRLS NOREPLICATION', role_name);
    END LOOP;
END
$attributes$;
ALTER ROLE kora_owner NOCREATEDB NOCREATEROLE;
ALTER ROLE kora_app NOCREATEDB NOCREATEROLE;
ALTER ROLE kora_reporting NOCREATEDB NOCREATEROLE;

-- The migration login acts as the owner (SET ROLE kora_owner) so objects never belong to it.
GRANT kora_owner TO CURRENT_USER;

-- Nobody but the owner creates objects in this database.
DO $db$
BEGIN
    EXECUTE format('REVOKE CREATE, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO kora_app, kora_reporting', current_database());
END
$db$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

CREATE SCHEMA kora AUTHORIZATION kora_owner;
GRANT USAGE ON SCHEMA kora TO kora_app, kora_reporting;
