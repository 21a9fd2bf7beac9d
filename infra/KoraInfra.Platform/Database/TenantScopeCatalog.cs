namespace KoraInfra.Platform.Database;

/// <summary>
/// The tenant-scoped tables, read from the system catalogs only: a table with a <c>tenant_id</c>
/// column, a table referenced through a <c>tenant_id</c> foreign key column (its referenced column
/// is its tenant key, e.g. <c>kora.tenants.id</c>), or a table with a policy that reads
/// <c>app.tenant_id</c>. The same definition as the database guard's
/// <c>kora_guard.tenant_scoped_tables()</c> (V6), which the verifier does not call: a function in
/// the database could have been replaced, the catalogs cannot.
/// </summary>
internal static class TenantScopeCatalog
{
    /// <summary>The schema every tenant-scoped table must live in.</summary>
    public const string TenantSchema = "kora";

    /// <summary>
    /// A common table expression <c>scoped (relation, tenant_key, tbl, nspname, relrowsecurity,
    /// relforcerowsecurity)</c>; <c>tenant_key</c> is null when only a policy makes the table
    /// tenant-scoped.
    /// </summary>
    public const string ScopedTables = """
        scoped AS (
            SELECT c.oid AS relation, coalesce(bc.tenant_key, br.tenant_key) AS tenant_key,
                   format('%I.%I', n.nspname, c.relname) AS tbl, n.nspname::text AS nspname,
                   c.relrowsecurity, c.relforcerowsecurity
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN (SELECT a.attrelid AS relation, a.attname AS tenant_key
                       FROM pg_attribute a
                       WHERE a.attname = 'tenant_id' AND a.attnum > 0 AND NOT a.attisdropped) bc ON bc.relation = c.oid
            LEFT JOIN (SELECT con.confrelid AS relation, min(ra.attname) AS tenant_key
                       FROM pg_constraint con
                       JOIN pg_attribute la ON la.attrelid = con.conrelid AND la.attname = 'tenant_id' AND NOT la.attisdropped
                       CROSS JOIN LATERAL generate_subscripts(con.conkey, 1) AS k (i)
                       JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = con.confkey[k.i]
                       WHERE con.contype = 'f' AND con.conkey[k.i] = la.attnum
                       GROUP BY con.confrelid) br ON br.relation = c.oid
            WHERE c.relkind IN ('r', 'p')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
              AND n.nspname NOT LIKE 'pg\_temp%' AND n.nspname NOT LIKE 'pg\_toast\_temp%'
              AND (bc.relation IS NOT NULL OR br.relation IS NOT NULL
                   OR EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid
                              AND coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '')
                                  LIKE '%app.tenant\_id%'))
        )
        """;
}
