using KoraInfra.Platform.Database;
using KoraInfra.TestSupport;
using Npgsql;

namespace KoraInfra.Platform.Tests.Database.Logins;

[Collection(UsesPasswordPostgres.Name)]
public sealed class LoginSlotsMigrationTests(PasswordPostgres postgres)
{
    [Fact]
    public void The_groups_never_log_in_their_slots_start_locked_and_act_as_the_group()
    {
        using var connection = new NpgsqlConnection(postgres.CreateDatabase());
        connection.Open();
        using var command = new NpgsqlCommand(
            """
            SELECT r.rolname, r.rolcanlogin, r.rolsuper OR r.rolbypassrls,
                   coalesce((SELECT string_agg(g.rolname, ',') FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid), ''),
                   coalesce(array_to_string(r.rolconfig, ','), '')
            FROM pg_roles r
            WHERE r.rolname IN ('kora_app', 'kora_reporting', 'n8n', 'kora_app_a', 'kora_app_b', 'n8n_a', 'n8n_b')
            ORDER BY 1
            """, connection);
        using var reader = command.ExecuteReader();
        var roles = new List<(string Name, bool Login, bool Powerful, string Groups, string Config)>();
        while (reader.Read())
        {
            roles.Add((reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetString(3), reader.GetString(4)));
        }

        Assert.Equal(["kora_app", "kora_app_a", "kora_app_b", "kora_reporting", "n8n", "n8n_a", "n8n_b"], roles.Select(r => r.Name));
        Assert.All(roles, r => Assert.False(r.Powerful, $"{r.Name} must not be SUPERUSER or BYPASSRLS"));
        Assert.All(roles.Where(r => r.Name is "kora_app" or "kora_reporting" or "n8n"), r => Assert.False(r.Login, $"{r.Name} is a group"));
        foreach (var slot in roles.Where(r => r.Name.EndsWith("_a", StringComparison.Ordinal) || r.Name.EndsWith("_b", StringComparison.Ordinal)))
        {
            var group = slot.Name[..^2];
            Assert.Equal(group, slot.Groups);
            Assert.Equal($"role={group}", slot.Config);
        }
    }

    [Fact]
    public void The_n8n_database_is_given_to_the_n8n_group()
    {
        postgres.Execute("postgres", "CREATE DATABASE n8n");
        try
        {
            SchemaMigrator.Migrate(postgres.CreateDatabase(migrated: false), postgres.MigrationsDirectory);

            using var connection = new NpgsqlConnection(postgres.ConnectionString("postgres"));
            connection.Open();
            using var owner = new NpgsqlCommand("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'n8n'", connection);
            Assert.Equal("n8n", owner.ExecuteScalar());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            postgres.Execute("postgres", "DROP DATABASE n8n");
        }
    }
}
