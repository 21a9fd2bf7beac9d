using Npgsql;

namespace KoraInfra.Platform.Database;

/// <summary>
/// The RLS security check of the seed's required checklist. It reads only the system catalogs
/// (never a function the database itself could have replaced) and lists every weakness at once.
/// </summary>
public static class RlsVerifier
{
    private const string UserSchemas = """
        n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
        AND n.nspname NOT LIKE 'pg\_temp%' AND n.nspname NOT LIKE 'pg\_toast\_temp%'
        """;

    /// <summary>Checks the database the connection string points to.</summary>
    /// <param name="connectionString">Any login that can read the catalogs.</param>
    /// <param name="expectedPrivileged">Roles allowed to be SUPERUSER/BYPASSRLS (default <see cref="DatabaseRoles.ExpectedPrivileged"/>).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static async Task<IReadOnlyList<RlsFinding>> VerifyAsync(string connectionString, IEnumerable<string>? expectedPrivileged = null, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var allowed = (expectedPrivileged ?? DatabaseRoles.ExpectedPrivileged).ToArray();

        var findings = new List<RlsFinding>();
        findings.AddRange(await TenantTablesAsync(connection, cancellationToken).ConfigureAwait(false));
        findings.AddRange(await TenantPoliciesAsync(connection, cancellationToken).ConfigureAwait(false));
        findings.AddRange(await PoliciesAsync(connection, cancellationToken).ConfigureAwait(false));
        findings.AddRange(await PrivilegedRolesAsync(connection, allowed, cancellationToken).ConfigureAwait(false));
        findings.AddRange(await ApplicationRoleAsync(connection, cancellationToken).ConfigureAwait(false));
        findings.AddRange(await OwnedByApplicationAsync(connection, cancellationToken).ConfigureAwait(false));
        findings.AddRange(await ViewsAsync(connection, cancellationToken).ConfigureAwait(false));
        findings.AddRange(await GuardAsync(connection, cancellationToken).ConfigureAwait(false));
        return findings;
    }

    // Every tenant-scoped table (TenantScopeCatalog): where it lives, ENABLE, FORCE, its tenant key.
    private static Task<List<RlsFinding>> TenantTablesAsync(NpgsqlConnection connection, CancellationToken ct) => QueryAsync(
        connection,
        $"""
        WITH {TenantScopeCatalog.ScopedTables}
        SELECT s.tbl, s.nspname, s.tenant_key IS NOT NULL, s.relrowsecurity, s.relforcerowsecurity
        FROM scoped s
        ORDER BY 1
        """,
        r =>
        {
            var table = r.GetString(0);
            var found = new List<RlsFinding>();
            if (r.GetString(1) != TenantScopeCatalog.TenantSchema)
            {
                found.Add(new(RlsWeakness.TableOutsideTenantSchema, table, $"is tenant-scoped but lives in schema {r.GetString(1)}; tenant tables belong in schema {TenantScopeCatalog.TenantSchema}, where the guard and the roles expect them"));
            }

            if (!r.GetBoolean(2))
            {
                found.Add(new(RlsWeakness.NoTenantKey, table, $"has a policy on {TenantContext.Setting} but no tenant_id column (and no tenant_id foreign key references it); tenant tables carry tenant_id"));
            }

            if (!r.GetBoolean(3))
            {
                found.Add(new(RlsWeakness.RlsNotEnabled, table, "is tenant-scoped but row level security is disabled; run kora_guard.protect_tenant_table"));
            }

            if (!r.GetBoolean(4))
            {
                found.Add(new(RlsWeakness.RlsNotForced, table, "row level security is not FORCEd, so its owner reads and writes every tenant; ALTER TABLE ... FORCE ROW LEVEL SECURITY"));
            }

            return found;
        },
        ct);

    // The PERMISSIVE policies of every tenant-scoped table with a tenant key, judged by TenantPolicy.
    private static async Task<List<RlsFinding>> TenantPoliciesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            WITH {TenantScopeCatalog.ScopedTables}
            SELECT s.tbl, format(@template, s.tenant_key), p.polname::text, p.polcmd::text,
                   p.polroles = ARRAY[0]::oid[], pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)
            FROM scoped s
            LEFT JOIN pg_policy p ON p.polrelid = s.relation AND p.polpermissive
            WHERE s.tenant_key IS NOT NULL
            ORDER BY 1, 3
            """,
            connection);
        command.Parameters.AddWithValue("template", TenantPolicy.PredicateTemplate);
        var tables = new List<(string Table, string Expected, List<PermissivePolicy> Policies)>();
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var table = reader.GetString(0);
                if (tables.Count == 0 || tables[^1].Table != table)
                {
                    tables.Add((table, reader.GetString(1), []));
                }

                if (!reader.IsDBNull(2))
                {
                    tables[^1].Policies.Add(new PermissivePolicy(
                        table,
                        reader.GetString(2),
                        reader.GetString(3)[0],
                        reader.GetBoolean(4),
                        reader.IsDBNull(5) ? null : reader.GetString(5),
                        reader.IsDBNull(6) ? null : reader.GetString(6)));
                }
            }
        }

        return tables.SelectMany(t => TenantPolicy.Judge(t.Table, t.Expected, t.Policies)).ToList();
    }

    // Every PERMISSIVE policy, tenant-scoped table or not (RESTRICTIVE ones can only narrow access).
    private static Task<List<RlsFinding>> PoliciesAsync(NpgsqlConnection connection, CancellationToken ct) => QueryAsync(
        connection,
        $"""
        SELECT format('%I.%I policy %I', n.nspname, c.relname, p.polname),
               p.polcmd IN ('*', 'a', 'w') AND p.polwithcheck IS NULL,
               coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '')
        FROM pg_policy p
        JOIN pg_class c ON c.oid = p.polrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE p.polpermissive AND {UserSchemas}
        ORDER BY 1
        """,
        r =>
        {
            var policy = r.GetString(0);
            var found = new List<RlsFinding>();
            if (r.GetBoolean(1))
            {
                found.Add(new(RlsWeakness.PolicyWithoutWithCheck, policy, "allows INSERT/UPDATE without WITH CHECK; a row written with another tenant's id would not be refused explicitly"));
            }

            if (!r.GetString(2).Contains(TenantContext.Setting, StringComparison.Ordinal))
            {
                found.Add(new(RlsWeakness.PolicyNotKeyedOnTenant, policy, $"does not read current_setting('{TenantContext.Setting}', true), so it does not isolate tenants"));
            }

            return found;
        },
        ct);

    private static async Task<List<RlsFinding>> PrivilegedRolesAsync(NpgsqlConnection connection, string[] allowed, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT r.rolname, r.rolsuper, r.rolbypassrls
            FROM pg_roles r
            WHERE (r.rolsuper OR r.rolbypassrls) AND NOT (r.rolname = ANY (@allowed))
            ORDER BY 1
            """,
            connection);
        command.Parameters.AddWithValue("allowed", allowed);
        return await ReadAsync(command, r =>
        {
            var powers = string.Join(" and ", new[] { r.GetBoolean(1) ? "SUPERUSER" : null, r.GetBoolean(2) ? "BYPASSRLS" : null }.OfType<string>());
            return [new RlsFinding(RlsWeakness.PrivilegedRole, $"role {r.GetString(0)}", $"has {powers}, which ignores every RLS policy; expected only {string.Join(", ", allowed)}")];
        }, ct).ConfigureAwait(false);
    }

    private static Task<List<RlsFinding>> ApplicationRoleAsync(NpgsqlConnection connection, CancellationToken ct) => QueryAsync(
        connection,
        $"""
        SELECT count(*) = 0, coalesce(bool_or(rolsuper OR rolbypassrls), false)
        FROM pg_roles WHERE rolname = '{DatabaseRoles.Application}'
        """,
        r => r.GetBoolean(0)
            ? [new RlsFinding(RlsWeakness.ApplicationRoleUnsafe, $"role {DatabaseRoles.Application}", "does not exist; run kora db migrate")]
            : r.GetBoolean(1)
                ? [new RlsFinding(RlsWeakness.ApplicationRoleUnsafe, $"role {DatabaseRoles.Application}", "must be NOSUPERUSER and NOBYPASSRLS")]
                : [],
        ct);

    private static Task<List<RlsFinding>> OwnedByApplicationAsync(NpgsqlConnection connection, CancellationToken ct) => QueryAsync(
        connection,
        $"""
        SELECT format('%I.%I', n.nspname, c.relname)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_roles o ON o.oid = c.relowner
        WHERE o.rolname = '{DatabaseRoles.Application}' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND {UserSchemas}
        ORDER BY 1
        """,
        r => [new RlsFinding(RlsWeakness.OwnedByApplication, r.GetString(0), $"is owned by {DatabaseRoles.Application}; an owner can switch RLS off. Objects belong to {DatabaseRoles.Owner}")],
        ct);

    private static Task<List<RlsFinding>> ViewsAsync(NpgsqlConnection connection, CancellationToken ct) => QueryAsync(
        connection,
        $"""
        SELECT format('%I.%I', n.nspname, c.relname)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'v' AND {UserSchemas}
          AND NOT EXISTS (SELECT FROM unnest(coalesce(c.reloptions, ARRAY[]::text[])) o
                          WHERE lower(o) IN ('security_invoker=true', 'security_invoker=on', 'security_invoker=1', 'security_invoker=yes'))
        ORDER BY 1
        """,
        r => [new RlsFinding(RlsWeakness.ViewWithoutSecurityInvoker, r.GetString(0), "runs with its owner's rights, bypassing the caller's RLS; create it WITH (security_invoker = true)")],
        ct);

    // 'O' fires in normal sessions, 'A' always; 'D' is disabled and 'R' fires only in replicas.
    private static Task<List<RlsFinding>> GuardAsync(NpgsqlConnection connection, CancellationToken ct) => QueryAsync(
        connection,
        """
        SELECT expected.name, t.evtenabled::text
        FROM (VALUES ('kora_guard_tenant_tables'), ('kora_guard_dropped_policies')) AS expected (name)
        LEFT JOIN pg_event_trigger t ON t.evtname = expected.name
        WHERE t.evtenabled IS NULL OR t.evtenabled NOT IN ('O', 'A')
        ORDER BY 1
        """,
        r => [new RlsFinding(RlsWeakness.GuardMissing, $"event trigger {r.GetString(0)}", r.IsDBNull(1)
            ? "is missing, so a new tenant table could be created without RLS; run kora db migrate"
            : "is disabled, so a new tenant table could be created without RLS; ALTER EVENT TRIGGER ... ENABLE")],
        ct);

    private static async Task<List<RlsFinding>> QueryAsync(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, IEnumerable<RlsFinding>> map, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await ReadAsync(command, map, ct).ConfigureAwait(false);
    }

    private static async Task<List<RlsFinding>> ReadAsync(NpgsqlCommand command, Func<NpgsqlDataReader, IEnumerable<RlsFinding>> map, CancellationToken ct)
    {
        var findings = new List<RlsFinding>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            findings.AddRange(map(reader));
        }

        return findings;
    }
}
