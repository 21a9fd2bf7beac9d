using KoraInfra.Platform.Database;
using KoraInfra.TestSupport;
using Npgsql;

namespace KoraInfra.Responder.Tests.Support;

/// <summary>A fresh kora database with the tenant migrations, the responder's, and two tenants with a flow each.</summary>
internal sealed class ResponderDatabase
{
    public static readonly Guid A = Guid.Parse("aaaaaaaa-0000-4000-8000-000000000001");
    public static readonly Guid B = Guid.Parse("bbbbbbbb-0000-4000-8000-000000000002");
    public static readonly Guid ContactA = Guid.Parse("aaaaaaaa-0000-4000-8000-0000000000c1");
    public static readonly Guid ContactB = Guid.Parse("bbbbbbbb-0000-4000-8000-0000000000c1");
    public static readonly Guid FlowA = Guid.Parse("aaaaaaaa-0000-4000-8000-0000000000f1");
    public static readonly Guid FlowB = Guid.Parse("bbbbbbbb-0000-4000-8000-0000000000f1");

    public ResponderDatabase(ThrowawayPostgres postgres)
    {
        Admin = postgres.CreateDatabase();
        SchemaMigrator.Migrate(Admin, Path.Combine(postgres.RepositoryRoot, "db", "responder"), changelogTable: ResponderSchema.ChangelogTable);
        ThrowawayPostgres.ExecuteOn(Admin, $"""
            INSERT INTO kora.tenants (id, slug, display_name) VALUES ('{A}', 'tenant-a', 'A'), ('{B}', 'tenant-b', 'B');
            INSERT INTO kora.contacts VALUES ('{A}', '{ContactA}', 'Ana', null, null, now()), ('{B}', '{ContactB}', 'Bia', null, null, now());
            INSERT INTO kora.flows VALUES ('{A}', '{FlowA}', 'welcome', 'active', now()), ('{B}', '{FlowB}', 'welcome', 'active', now());
            """);

        // The responder's own login (trust on the throwaway loopback server: no password exists).
        Responder = new NpgsqlConnectionStringBuilder(Admin) { Username = "kora_responder" }.ConnectionString;
    }

    /// <summary>The superuser's connection.</summary>
    public string Admin { get; }

    /// <summary>The kora_responder login's connection.</summary>
    public string Responder { get; }

    /// <summary>A scalar as the superuser.</summary>
    public long Count(string sql)
    {
        using var connection = new NpgsqlConnection(Admin);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Starts a flow execution as the application role (kora_app) bound to the tenant, as the product does.</summary>
    public void StartFlowExecutionAsApp(Guid tenant, Guid contact, Guid flow)
    {
        using var connection = new NpgsqlConnection(Admin);
        connection.Open();
        using var tx = connection.BeginTransaction();
        using (var role = new NpgsqlCommand($"SET LOCAL ROLE kora_app; SELECT set_config('app.tenant_id', '{tenant}', true)", connection, tx))
        {
            role.ExecuteNonQuery();
        }

        using (var insert = new NpgsqlCommand($"INSERT INTO kora.flow_executions VALUES ('{tenant}', gen_random_uuid(), gen_random_uuid(), '{contact}', '{flow}', 'queued', now())", connection, tx))
        {
            insert.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>A snapshot of the responder's tables, to show a refused request changed nothing.</summary>
    public string Snapshot()
    {
        using var connection = new NpgsqlConnection(Admin);
        connection.Open();
        using var command = new NpgsqlCommand("""
            SELECT md5(coalesce((SELECT string_agg(i::text, '|' ORDER BY id) FROM responder.incidents i), '')
                    || coalesce((SELECT string_agg(r::text, '|' ORDER BY digest) FROM responder.webhook_receipts r), '')
                    || coalesce((SELECT string_agg(t::text, '|' ORDER BY incident, seq) FROM responder.transitions t), ''))
            """, connection);
        return (string)command.ExecuteScalar()!;
    }
}
