using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace KoraInfra.Platform.Verification.Restore;

/// <summary>
/// What a restore must reproduce: the schema (a fingerprint of every user table's columns and
/// types, and every policy) and the rows per tenant of every table with a <c>tenant_id</c>.
/// Read with a login that sees every tenant's rows (the drill's admin login).
/// </summary>
/// <param name="SchemaFingerprint">SHA-256 of the ordered schema description.</param>
/// <param name="RowsPerTenant">Rows by "table/tenant".</param>
public sealed record DatabaseSnapshot(string SchemaFingerprint, IReadOnlyDictionary<string, long> RowsPerTenant)
{
    /// <summary>Reads the snapshot of a database.</summary>
    public static async Task<DatabaseSnapshot> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var schema = new StringBuilder();
        const string Columns = """
            SELECT table_schema || '.' || table_name || '.' || column_name || ':' || data_type || ':' || is_nullable
            FROM information_schema.columns
            WHERE table_schema NOT IN ('pg_catalog', 'information_schema', 'kora_drill')
            ORDER BY 1
            """;
        const string Policies = "SELECT schemaname || '.' || tablename || '.' || policyname || ':' || coalesce(qual, '') || ':' || coalesce(with_check, '') FROM pg_policies ORDER BY 1";
        foreach (var sql in new[] { Columns, Policies })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                schema.Append(reader.GetString(0)).Append('\n');
            }
        }

        var tables = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT format('%I.%I', table_schema, table_name) FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name) WHERE c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            // The names come from the catalog, quoted by format('%I'), never from input.
#pragma warning disable CA2100
            await using var command = new NpgsqlCommand($"SELECT tenant_id::text, count(*) FROM {table} GROUP BY 1", connection);
#pragma warning restore CA2100
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows[$"{table}/{reader.GetString(0)}"] = reader.GetInt64(1);
            }
        }

        var fingerprint = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(schema.ToString())));
        return new DatabaseSnapshot(fingerprint, rows);
    }

    /// <summary>How a restored snapshot differs from the source's, empty when it matches.</summary>
    public IReadOnlyList<string> Differences(DatabaseSnapshot restored)
    {
        ArgumentNullException.ThrowIfNull(restored);
        var differences = new List<string>();
        if (restored.SchemaFingerprint != SchemaFingerprint)
        {
            differences.Add($"schema fingerprint {restored.SchemaFingerprint} differs from the source's {SchemaFingerprint}");
        }

        foreach (var key in RowsPerTenant.Keys.Union(restored.RowsPerTenant.Keys).Order(StringComparer.Ordinal))
        {
            var source = RowsPerTenant.GetValueOrDefault(key);
            var copy = restored.RowsPerTenant.GetValueOrDefault(key);
            if (source != copy)
            {
                differences.Add($"{key}: {copy} rows restored, {source} in the source");
            }
        }

        return differences;
    }
}
