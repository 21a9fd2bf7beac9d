-- RLS as the rule: the helper every tenant table goes through, and a database-level guard that
-- refuses any table with a tenant_id column that is not protected.
--
-- The guard cannot refuse at the end of CREATE TABLE (the table is protected by the next
-- statement), so it works in two steps: an event trigger notes every table a DDL command touched
-- that has a tenant_id column, and a DEFERRED constraint trigger checks the noted tables when the
-- transaction commits. Creating and protecting a table in one transaction passes; leaving it
-- unprotected (or later disabling RLS, dropping FORCE or a policy) fails the commit.
CREATE SCHEMA kora_guard;
REVOKE ALL ON SCHEMA kora_guard FROM PUBLIC;
GRANT USAGE ON SCHEMA kora_guard TO kora_owner;

-- Why a table with a tenant_id column is not protected, or NULL when it is.
CREATE FUNCTION kora_guard.tenant_table_weakness(relation oid) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog
AS $fn$
    SELECT CASE
        WHEN NOT c.relrowsecurity THEN 'row level security is not enabled'
        WHEN NOT c.relforcerowsecurity THEN 'row level security is not forced (the owner would bypass it)'
        WHEN NOT EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid) THEN 'it has no policy'
        WHEN EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid
                     AND p.polcmd IN ('*', 'a', 'w') AND p.polwithcheck IS NULL)
            THEN 'a policy that allows writes has no WITH CHECK'
    END
    FROM pg_class c
    WHERE c.oid = relation
$fn$;

-- Tables noted by the event trigger, checked at commit.
CREATE TABLE kora_guard.pending_tenant_table (relation oid NOT NULL);

CREATE FUNCTION kora_guard.check_pending_tenant_table() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog
AS $fn$
DECLARE
    weakness text;
BEGIN
    DELETE FROM kora_guard.pending_tenant_table WHERE relation = NEW.relation;
    -- A table dropped later in the same transaction is no longer a concern.
    IF NOT EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = NEW.relation
                   AND a.attname = 'tenant_id' AND NOT a.attisdropped) THEN
        RETURN NULL;
    END IF;
    weakness := kora_guard.tenant_table_weakness(NEW.relation);
    IF weakness IS NOT NULL THEN
        RAISE EXCEPTION 'kora guard: table % has a tenant_id column but %', NEW.relation::regclass, weakness
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'create tenant tables and call kora_guard.protect_tenant_table(''schema.table'') in the same transaction';
    END IF;
    RETURN NULL;
END
$fn$;

CREATE CONSTRAINT TRIGGER check_at_commit
    AFTER INSERT ON kora_guard.pending_tenant_table
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION kora_guard.check_pending_tenant_table();

CREATE FUNCTION kora_guard.note_tenant_tables() RETURNS event_trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog
AS $fn$
BEGIN
    INSERT INTO kora_guard.pending_tenant_table (relation)
    SELECT DISTINCT c.oid
    FROM pg_event_trigger_ddl_commands() cmd
    JOIN pg_class c ON c.oid = CASE
            WHEN cmd.classid = 'pg_class'::regclass THEN cmd.objid
            WHEN cmd.classid = 'pg_policy'::regclass THEN (SELECT p.polrelid FROM pg_policy p WHERE p.oid = cmd.objid)
        END
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\_temp%'
      AND EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid
                  AND a.attname = 'tenant_id' AND NOT a.attisdropped);
END
$fn$;

-- A dropped policy leaves no row to look at: re-check every tenant table instead.
CREATE FUNCTION kora_guard.note_tenant_tables_after_drop() RETURNS event_trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog
AS $fn$
BEGIN
    IF EXISTS (SELECT FROM pg_event_trigger_dropped_objects() d WHERE d.object_type = 'policy') THEN
        INSERT INTO kora_guard.pending_tenant_table (relation)
        SELECT DISTINCT a.attrelid
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE a.attname = 'tenant_id' AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\_temp%';
    END IF;
END
$fn$;

CREATE EVENT TRIGGER kora_guard_tenant_tables ON ddl_command_end
    WHEN TAG IN ('CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO', 'ALTER TABLE', 'CREATE POLICY', 'ALTER POLICY')
    EXECUTE FUNCTION kora_guard.note_tenant_tables();

CREATE EVENT TRIGGER kora_guard_dropped_policies ON sql_drop
    EXECUTE FUNCTION kora_guard.note_tenant_tables_after_drop();

-- The helper: ENABLE + FORCE row level security, one policy for every command with USING and
-- WITH CHECK on the transaction's tenant, and an index led by tenant_id. The setting is read with
-- missing_ok, so an unset tenant yields NULL and the policy matches no row: it fails closed.
CREATE FUNCTION kora_guard.protect_tenant_table(target regclass) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog
AS $fn$
DECLARE
    tenant_attnum smallint;
    relname text;
BEGIN
    SELECT a.attnum INTO tenant_attnum FROM pg_attribute a
    WHERE a.attrelid = target AND a.attname = 'tenant_id' AND NOT a.attisdropped;
    IF tenant_attnum IS NULL THEN
        RAISE EXCEPTION 'kora guard: % has no tenant_id column to protect', target;
    END IF;

    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', target);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %s
        USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, target);

    IF NOT EXISTS (SELECT FROM pg_index i WHERE i.indrelid = target AND i.indkey[0] = tenant_attnum) THEN
        SELECT c.relname INTO relname FROM pg_class c WHERE c.oid = target;
        EXECUTE format('CREATE INDEX %I ON %s (tenant_id)', relname || '_tenant_id_idx', target);
    END IF;
END
$fn$;

REVOKE ALL ON FUNCTION kora_guard.protect_tenant_table(regclass) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kora_guard.protect_tenant_table(regclass) TO kora_owner;
REVOKE ALL ON FUNCTION kora_guard.tenant_table_weakness(oid) FROM PUBLIC;
