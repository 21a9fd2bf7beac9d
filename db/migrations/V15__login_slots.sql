-- Database logins with zero-downtime rotation. Roles are cluster-wide, so they are created only
-- when missing, like V1's.
--
-- Each logical role is a NOLOGIN group that holds the grants (kora_app, n8n); two login roles per group (<group>_a, <group>_b) alternate at each rotation:
-- the rotation sets the new value on the slot the plan names current, and the other slot keeps
-- the previous value only until the overlap ends (VALID UNTIL, then NOLOGIN). Consumers holding
-- the previous value keep working until they reload, and nobody logs in with it afterwards.
--
-- No password is set here: `kora db rotate-logins` sets SCRAM-SHA-256 verifiers computed from the
-- vault's values. Until then the slots are NOLOGIN.
--
-- kora_reporting keeps no password at all: its readers reach it as Entra principals made members
-- of it on the server (docs/secrets.md).
DO $groups$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'n8n') THEN
        CREATE ROLE n8n NOLOGIN;
    END IF;
END
$groups$;

-- The groups themselves never log in: only their slots do.
ALTER ROLE kora_app NOLOGIN;
ALTER ROLE kora_reporting NOLOGIN;
ALTER ROLE n8n NOLOGIN NOCREATEDB NOCREATEROLE;

DO $slots$
DECLARE
    pair record;
    slot text;
BEGIN
    FOR pair IN SELECT * FROM (VALUES ('kora_app', 'kora_app'), ('n8n', 'n8n')) AS p(login, grp)
    LOOP
        FOREACH slot IN ARRAY ARRAY['a', 'b']
        LOOP
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = pair.login || '_' || slot) THEN
                EXECUTE format('CREATE ROLE %I NOLOGIN', pair.login || '_' || slot);
            END IF;
            -- No slot carries powers of its own; everything comes from the group.
            EXECUTE format('ALTER ROLE %I NOCREATEDB NOCREATEROLE INHERIT', pair.login || '_' || slot);
            EXECUTE format('GRANT %I TO %I', pair.grp, pair.login || '_' || slot);
            -- Every session of a slot acts as its group, so what a slot creates (n8n's tables)
            -- belongs to the group and survives the next switch of slot.
            EXECUTE format('ALTER ROLE %I SET role TO %I', pair.login || '_' || slot, pair.grp);
        END LOOP;
    END LOOP;
END
$slots$;

-- A slot with SUPERUSER/BYPASSRLS would ignore every policy; as in V1, only altered when wrong.
DO $attributes$
DECLARE
    role_name text;
BEGIN
    FOR role_name IN
        SELECT rolname FROM pg_roles
        WHERE rolname IN ('n8n', 'kora_app_a', 'kora_app_b', 'n8n_a', 'n8n_b')
          AND (rolsuper OR rolbypassrls OR rolreplication)
    LOOP
        EXECUTE format('ALTER ROLE %I NOSUPERUSER NOBYPASSRLS NOREPLICATION', role_name);
    END LOOP;
END
$attributes$;

-- n8n's database (on the same server) belongs to its group, not to the administrator who created
-- it: n8n creates its own tables there. Absent where only the kora database exists (tests). The
-- new owner must be a role the migration login can act as (as V1 does for kora_owner).
GRANT n8n TO CURRENT_USER;
DO $n8n$
BEGIN
    IF EXISTS (SELECT FROM pg_database WHERE datname = 'n8n') THEN
        IF EXISTS (SELECT FROM pg_database WHERE datname = 'n8n' AND pg_has_role(datdba, 'USAGE')) THEN
            ALTER DATABASE n8n OWNER TO n8n;
        ELSE
            -- Loud, not fatal: the kora schema must not wait for it.
            RAISE WARNING 'database n8n is owned by %, which this login cannot act as; run ALTER DATABASE n8n OWNER TO n8n as its owner (docs/secrets.md)',
                (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'n8n');
        END IF;
    END IF;
END
$n8n$;
