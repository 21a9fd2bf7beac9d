using KoraInfra.Platform.Database;
using KoraInfra.TestSupport;
using Npgsql;

namespace KoraInfra.Responder.Tests.Support;

/// <summary>A fresh kora database with the tenant migrations, the responder's, and the shared two tenants (<see cref="TenantRows"/>).</summary>
internal sealed class ResponderDatabase
{
    public ResponderDatabase(ThrowawayPostgres postgres)
    {
        Admin = postgres.CreateDatabase();
        SchemaMigrator.Migrate(Admin, Path.Combine(postgres.RepositoryRoot, "db", "responder"), changelogTable: ResponderSchema.ChangelogTable);
        TenantRows.Insert(Admin);

        // The responder logs in on a slot of kora_responder (db/responder V2), which acts as the
        // group; the rotation Job would give it LOGIN and the vault's password. Trust on the
        // throwaway loopback server: no password exists.
        ThrowawayPostgres.ExecuteOn(Admin, "ALTER ROLE kora_responder_a LOGIN");
        Responder = new NpgsqlConnectionStringBuilder(Admin) { Username = "kora_responder_a" }.ConnectionString;
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
