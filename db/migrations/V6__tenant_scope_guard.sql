-- The guard, second version: it covers every tenant-scoped table and checks what the policies say.
--
-- V2 noted only tables with a tenant_id column and checked that some policy existed. That left
-- the tenant registry (kora.tenants, keyed by id) untracked, and a policy such as USING (true),
-- or any extra PERMISSIVE policy (OR-ed with the tenant policy), passed. From here on:
--
--   * tenant-scoped = a table with a tenant_id column, a table referenced by a foreign key
--     through a tenant_id column (its referenced column is its tenant key: kora.tenants.id), or
--     a table with a policy that reads app.tenant_id;
--   * every tenant-scoped table lives in schema kora, has RLS ENABLEd and FORCEd, and exactly one
--     PERMISSIVE policy: FOR ALL, TO PUBLIC, with the helper's predicate
--         <tenant key> = nullif(current_setting('app.tenant_id', true), '')::uuid
--     in both USING and WITH CHECK (RESTRICTIVE policies may only narrow access, so they are free);
--   * after any DDL that could change that (tables, policies, schemas, drops), every tenant-scoped
--     table is checked when the transaction commits, and the commit is refused with every finding,
--     each naming its table and policy.
--
-- kora db verify (RlsVerifier) makes the same checks from the catalogs, codes RLS011-RLS014.

-- The tenant key of every tenant-scoped table (NULL when a policy reads app.tenant_id but the
-- table has no column to compare it with).
CREATE FUNCTION kora_guard.tenant_scoped_tables()
    RETURNS TABLE (relation oid, tenant_key name)
    LANGUAGE sql STABLE
    SET search_path = pg_catalog
AS $fn$
    WITH user_table AS (
        SELECT c.oid
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
          AND n.nspname NOT LIKE 'pg\_temp%' AND n.nspname NOT LIKE 'pg\_toast\_temp%'
    ),
    by_column AS (
        SELECT a.attrelid AS relation, a.attname AS tenant_key
        FROM pg_attribute a
        WHERE a.attname = 'tenant_id' AND a.attnum > 0 AND NOT a.attisdropped
    ),
    by_reference AS (
        SELECT con.confrelid AS relation, min(ra.attname) AS tenant_key
        FROM pg_constraint con
        JOIN pg_attribute la ON la.attrelid = con.conrelid AND la.attname = 'tenant_id' AND NOT la.attisdropped
        CROSS JOIN LATERAL generate_subscripts(con.conkey, 1) AS k (i)
        JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = con.confkey[k.i]
        WHERE con.contype = 'f' AND con.conkey[k.i] = la.attnum
        GROUP BY con.confrelid
    ),
    by_policy AS (
        SELECT DISTINCT p.polrelid AS relation
        FROM pg_policy p
        WHERE coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '')
              LIKE '%app.tenant\_id%'
    )
    SELECT t.oid, coalesce(bc.tenant_key, br.tenant_key)
    FROM user_table t
    LEFT JOIN by_column bc ON bc.relation = t.oid
    LEFT JOIN by_reference br ON br.relation = t.oid
    WHERE bc.relation IS NOT NULL OR br.relation IS NOT NULL
       OR EXISTS (SELECT FROM by_policy bp WHERE bp.relation = t.oid)
$fn$;

-- The helper's predicate on a column, spelled as PostgreSQL prints a stored policy expression.
CREATE FUNCTION kora_guard.tenant_predicate(tenant_key name) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
AS $fn$
    SELECT format('(%I = (NULLIF(current_setting(''app.tenant_id''::text, true), ''''::text))::uuid)', tenant_key)
$fn$;

-- Every weakness of every tenant-scoped table: the subject ('kora.t' or 'kora.t policy p') and
-- what is wrong with it. Empty when the database is sound.
CREATE FUNCTION kora_guard.tenant_scope_findings()
    RETURNS TABLE (subject text, problem text)
    LANGUAGE sql STABLE
    SET search_path = pg_catalog
AS $fn$
    WITH scoped AS (
        SELECT s.relation, s.tenant_key, n.nspname, c.relname, c.relrowsecurity, c.relforcerowsecurity,
               format('%I.%I', n.nspname, c.relname) AS tbl
        FROM kora_guard.tenant_scoped_tables() s
        JOIN pg_class c ON c.oid = s.relation
        JOIN pg_namespace n ON n.oid = c.relnamespace
    ),
    permissive AS (
        SELECT s.tbl, p.polname, p.polcmd, p.polroles,
               pg_get_expr(p.polqual, p.polrelid) AS using_expr,
               pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr,
               kora_guard.tenant_predicate(s.tenant_key) AS expected
        FROM scoped s
        JOIN pg_policy p ON p.polrelid = s.relation AND p.polpermissive
        WHERE s.tenant_key IS NOT NULL
    ),
    judged AS (
        -- Every way the policy differs from the helper's, in one sentence.
        SELECT pm.*,
               nullif(concat_ws('; ',
                   CASE WHEN pm.polcmd <> '*' THEN format('it is FOR %s only; the tenant policy covers every command (FOR ALL)',
                       CASE pm.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' END) END,
                   CASE WHEN pm.polroles <> '{0}'::oid[] THEN 'it applies to chosen roles only; the tenant policy applies TO PUBLIC' END,
                   CASE WHEN pm.using_expr IS DISTINCT FROM pm.expected
                        THEN format('USING is %s; expected %s', coalesce(pm.using_expr, 'missing'), pm.expected) END,
                   CASE WHEN pm.polcmd IN ('*', 'a', 'w') AND pm.check_expr IS NULL
                        THEN format('it has no WITH CHECK; expected WITH CHECK %s', pm.expected) END,
                   CASE WHEN pm.check_expr <> pm.expected THEN format('WITH CHECK is %s; expected %s', pm.check_expr, pm.expected) END
               ), '') AS content_problem
        FROM permissive pm
    ),
    ranked AS (
        -- When two policies are both correct, the helper's (tenant_isolation) is the genuine one.
        SELECT j.*, row_number() OVER (PARTITION BY j.tbl, j.content_problem IS NULL
                                       ORDER BY j.polname <> 'tenant_isolation', j.polname) AS nth
        FROM judged j
    )
    SELECT s.tbl, format('is tenant-scoped but lives in schema %s; tenant tables belong in schema kora, where the guard and the roles expect them', s.nspname)
    FROM scoped s WHERE s.nspname <> 'kora'
    UNION ALL
    SELECT s.tbl, 'has a policy on app.tenant_id but no tenant_id column (and no tenant_id foreign key references it); tenant tables carry tenant_id'
    FROM scoped s WHERE s.tenant_key IS NULL
    UNION ALL
    SELECT s.tbl, 'is tenant-scoped but row level security is not enabled'
    FROM scoped s WHERE NOT s.relrowsecurity
    UNION ALL
    SELECT s.tbl, 'is tenant-scoped but row level security is not forced (the owner would bypass it)'
    FROM scoped s WHERE NOT s.relforcerowsecurity
    UNION ALL
    SELECT s.tbl, 'is tenant-scoped but has no policy (no PERMISSIVE tenant policy)'
    FROM scoped s
    WHERE s.tenant_key IS NOT NULL AND NOT EXISTS (SELECT FROM permissive pm WHERE pm.tbl = s.tbl)
    UNION ALL
    SELECT r.tbl || ' policy ' || quote_ident(r.polname), 'is PERMISSIVE but not the tenant predicate: ' || r.content_problem
    FROM ranked r WHERE r.content_problem IS NOT NULL
    UNION ALL
    SELECT r.tbl || ' policy ' || quote_ident(r.polname),
           'is an extra PERMISSIVE policy (permissive policies are OR-ed); only one tenant policy may exist, make others RESTRICTIVE or drop them'
    FROM ranked r WHERE r.content_problem IS NULL AND r.nth > 1
$fn$;

-- At commit: the whole tenant scope, every finding in one refusal.
CREATE OR REPLACE FUNCTION kora_guard.check_pending_tenant_table() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog
AS $fn$
DECLARE
    problems text;
BEGIN
    DELETE FROM kora_guard.pending_tenant_table;
    SELECT string_agg(format('table %s %s', f.subject, f.problem), '; ' ORDER BY f.subject, f.problem)
    INTO problems
    FROM kora_guard.tenant_scope_findings() f;
    IF problems IS NOT NULL THEN
        RAISE EXCEPTION 'kora guard: %', problems
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'create tenant tables in schema kora and call kora_guard.protect_tenant_table(''kora.table'') in the same transaction; '
                      || 'a tenant table has exactly one PERMISSIVE policy, FOR ALL TO PUBLIC, USING and WITH CHECK '
                      || kora_guard.tenant_predicate('tenant_id');
    END IF;
    RETURN NULL;
END
$fn$;

-- One pending row per transaction is enough: the check looks at everything. (The row's relation
-- is no longer read; 0 marks "something changed".)
CREATE FUNCTION kora_guard.note_tenant_scope_change() RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path = pg_catalog
AS $fn$
    INSERT INTO kora_guard.pending_tenant_table (relation)
    SELECT 0 WHERE NOT EXISTS (SELECT FROM kora_guard.pending_tenant_table);
$fn$;
REVOKE ALL ON FUNCTION kora_guard.note_tenant_scope_change() FROM PUBLIC;

CREATE OR REPLACE FUNCTION kora_guard.note_tenant_tables() RETURNS event_trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog
AS $fn$
BEGIN
    PERFORM kora_guard.note_tenant_scope_change();
END
$fn$;

-- Any dropped policy, column, constraint, table or schema may weaken (or end) a table's scope.
CREATE OR REPLACE FUNCTION kora_guard.note_tenant_tables_after_drop() RETURNS event_trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog
AS $fn$
BEGIN
    IF EXISTS (SELECT FROM pg_event_trigger_dropped_objects() d
               WHERE d.object_type IN ('policy', 'table', 'table column', 'table constraint', 'schema')) THEN
        PERFORM kora_guard.note_tenant_scope_change();
    END IF;
END
$fn$;

-- The DDL event trigger keeps its name (kora db verify looks for it) and gains the commands that
-- move tables between schemas or rename a schema.
DROP EVENT TRIGGER kora_guard_tenant_tables;
CREATE EVENT TRIGGER kora_guard_tenant_tables ON ddl_command_end
    WHEN TAG IN ('CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO', 'ALTER TABLE', 'CREATE POLICY', 'ALTER POLICY',
                 'CREATE SCHEMA', 'ALTER SCHEMA')
    EXECUTE FUNCTION kora_guard.note_tenant_tables();

REVOKE ALL ON FUNCTION kora_guard.tenant_scoped_tables() FROM PUBLIC;
REVOKE ALL ON FUNCTION kora_guard.tenant_scope_findings() FROM PUBLIC;
REVOKE ALL ON FUNCTION kora_guard.tenant_predicate(name) FROM PUBLIC;

-- A database that drifted before this guard existed fails this migration, naming every finding.
SELECT kora_guard.note_tenant_scope_change();
