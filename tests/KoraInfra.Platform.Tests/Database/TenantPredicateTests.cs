using KoraInfra.Platform.Database;
using KoraInfra.TestSupport;
using Npgsql;

namespace KoraInfra.Platform.Tests.Database;

/// <summary>
/// The tenant predicate as the planner and the executor see it (V7): the tenant's rows are found
/// through the index, the setting is read and cast once per statement (an InitPlan, never per
/// row), and every malformed binding still fails closed. The benchmark in bench/rls measures the
/// cost; this proves the shape on every run.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class TenantPredicateTests(ThrowawayPostgres postgres)
{
    private const string App = DatabaseRoles.Application;
    private const int Tenants = 20;
    private const int RowsPerTenant = 500;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> LoadedDatabases = new();

    [Fact]
    public void A_point_lookup_and_a_tenant_aggregate_use_the_index_with_the_tenant_as_a_key()
    {
        var db = Loaded();
        var point = Explain(db, Tenant(3), $"SELECT status FROM kora.flow_executions WHERE id = '{Row(7)}'");
        Assert.Contains("Index Scan using flow_executions_pkey", point, StringComparison.Ordinal);
        Assert.Matches(@"Index Cond: \(\(tenant_id = \$\d\) AND \(id = ", point);

        var aggregate = Explain(db, Tenant(3), "SELECT status, count(*) FROM kora.flow_executions GROUP BY status");
        Assert.Matches(@"Index Cond: \(tenant_id = \$\d\)", aggregate);
    }

    [Fact]
    public void Where_the_predicate_is_a_filter_the_setting_is_read_once_per_statement_not_per_row()
    {
        var db = Loaded();
        var plan = Explain(db, Tenant(3), "SELECT count(*) FROM kora.flow_executions", "SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off;");
        Assert.Contains("InitPlan 1 (returns $0)", plan, StringComparison.Ordinal);
        Assert.Contains("Filter: (tenant_id = $0)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Filter: (tenant_id = (NULLIF", plan, StringComparison.Ordinal);
        Assert.Equal(RowsPerTenant, RoleSession.Scalar(db, App, Tenant(3), "SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off; SELECT count(*) FROM kora.flow_executions"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_unset_or_empty_tenant_reads_nothing_and_writes_nothing(string? setting)
    {
        var db = Loaded();
        Assert.Equal(0, Count(db, setting, $"SELECT count(*) FROM kora.flow_executions WHERE id = '{Row(7)}'"));
        Assert.Equal(0, Count(db, setting, "SELECT count(*) FROM kora.flow_executions"));
        Assert.Equal(0, Count(db, setting, "SELECT count(*) FROM kora.tenants"));
        var write = Assert.Throws<PostgresException>(() => RoleSession.Run(db, App, setting, (c, t) =>
            Execute(c, t, $"INSERT INTO kora.flows VALUES ('{Tenant(3)}', gen_random_uuid(), 'x', 'draft', now())")));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, write.SqlState);
    }

    [Theory]
    [InlineData("not-a-tenant")]
    [InlineData("00000000-0000-4000-8000-10000000000' OR true --")]
    public void A_garbage_tenant_fails_the_statement(string setting)
    {
        var db = Loaded();
        foreach (var sql in new[] { $"SELECT count(*) FROM kora.flow_executions WHERE id = '{Row(7)}'", "SELECT count(*) FROM kora.flow_executions", "SELECT count(*) FROM kora.tenants" })
        {
            var ex = Assert.Throws<PostgresException>(() => Count(db, setting, sql));
            Assert.Equal(PostgresErrorCodes.InvalidTextRepresentation, ex.SqlState);
        }
    }

    [Fact]
    public async Task A_binding_sent_in_the_same_batch_as_the_query_ends_with_it()
    {
        var db = Loaded();
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using (var role = new NpgsqlCommand($"SET ROLE {App}", connection))
        {
            await role.ExecuteNonQueryAsync();
        }

        await using (var batch = new NpgsqlBatch(connection))
        {
            batch.BatchCommands.Add(TenantContext.BindingCommand(Tenant(3)));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT count(*) FROM kora.flow_executions"));
            await using var reader = await batch.ExecuteReaderAsync();
            Assert.True(await reader.NextResultAsync(), "the query's result follows the binding's");
            Assert.True(await reader.ReadAsync());
            Assert.Equal(RowsPerTenant, reader.GetInt64(0));
        }

        // The batch was one implicit transaction: the next statement on the connection has no tenant.
        await using var after = new NpgsqlCommand("SELECT count(*) FROM kora.flow_executions", connection);
        Assert.Equal(0L, (long)(await after.ExecuteScalarAsync())!);
    }

    private static Guid Tenant(int t) => Guid.Parse($"00000000-0000-4000-8000-{100000000000 + t}");

    private static Guid Row(int n) => Guid.Parse($"00000000-0000-4000-8000-{100000000000 + n}");

    private static long Count(string db, string? setting, string sql) => RoleSession.Run(db, App, setting, (c, t) =>
    {
        using var command = new NpgsqlCommand(sql, c, t);
        return (long)command.ExecuteScalar()!;
    });

    private static int Execute(NpgsqlConnection c, NpgsqlTransaction t, string sql)
    {
        using var command = new NpgsqlCommand(sql, c, t);
        return command.ExecuteNonQuery();
    }

    private static string Explain(string db, Guid tenant, string sql, string settings = "") => RoleSession.Run(db, App, tenant.ToString(), (c, t) =>
    {
        if (settings.Length > 0)
        {
            Execute(c, t, settings);
        }

        using var command = new NpgsqlCommand("EXPLAIN (COSTS OFF) " + sql, c, t);
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    });

    // The benchmark's id scheme at a size the planner treats like the real thing (10 000 rows,
    // analysed). Every test here only reads or is refused, so one database per cluster serves all.
    private string Loaded() => LoadedDatabases.GetOrAdd(postgres.Port, _ => Load(postgres.CreateDatabase()));

    private static string Load(string db)
    {
        ThrowawayPostgres.ExecuteOn(db, $"""
            INSERT INTO kora.tenants (id, slug, display_name)
            SELECT ('00000000-0000-4000-8000-' || (100000000000 + t))::uuid, 'tenant-' || t, 'Tenant ' || t FROM generate_series(1, {Tenants}) t;
            INSERT INTO kora.contacts SELECT id, id, 'c', null, null, now() FROM kora.tenants;
            INSERT INTO kora.flows SELECT id, id, 'f', 'active', now() FROM kora.tenants;
            INSERT INTO kora.flow_executions
            SELECT tn.id, ('00000000-0000-4000-8000-' || (100000000000 + n))::uuid, gen_random_uuid(), tn.id, tn.id,
                   (ARRAY['queued', 'succeeded', 'failed'])[1 + n % 3], now()
            FROM kora.tenants tn, generate_series(1, {RowsPerTenant}) n;
            ANALYZE kora.tenants, kora.contacts, kora.flows, kora.flow_executions;
            """);
        return db;
    }
}
