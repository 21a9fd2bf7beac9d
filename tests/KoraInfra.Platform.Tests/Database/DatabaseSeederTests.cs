using System.Security.Cryptography;
using System.Text;
using KoraInfra.Platform.Database.Seed;
using KoraInfra.TestSupport;
using Npgsql;

namespace KoraInfra.Platform.Tests.Database;

/// <summary>Same seed, same data, byte for byte, in a real database; a reset leaves no leftovers.</summary>
[Collection(UsesPostgres.Name)]
public sealed class DatabaseSeederTests(ThrowawayPostgres postgres)
{
    private static readonly SeedSize Size = new(Tenants: 3, ContactsPerTenant: 10, FlowsPerTenant: 3, ExecutionsPerTenant: 20);

    [Theory]
    [InlineData(SeedMode.DevFixtures)]
    [InlineData(SeedMode.StagingMaskedWithReset)]
    public async Task The_same_seed_loads_byte_identical_data(SeedMode mode)
    {
        var first = postgres.CreateDatabase();
        var second = postgres.CreateDatabase();
        await DatabaseSeeder.SeedAsync(first, SyntheticDataGenerator.Generate(42, Size, mode));
        await DatabaseSeeder.SeedAsync(second, SyntheticDataGenerator.Generate(42, Size, mode));

        Assert.Equal(await DumpAsync(first), await DumpAsync(second));
    }

    [Fact]
    public async Task A_different_seed_loads_different_data()
    {
        var first = postgres.CreateDatabase();
        var second = postgres.CreateDatabase();
        await DatabaseSeeder.SeedAsync(first, SyntheticDataGenerator.Generate(42, Size, SeedMode.DevFixtures));
        await DatabaseSeeder.SeedAsync(second, SyntheticDataGenerator.Generate(43, Size, SeedMode.DevFixtures));

        Assert.NotEqual(await DumpAsync(first), await DumpAsync(second));
    }

    [Fact]
    public async Task Reseeding_resets_to_exactly_the_same_state()
    {
        var db = postgres.CreateDatabase();
        await DatabaseSeeder.SeedAsync(db, SyntheticDataGenerator.Generate(7, Size, SeedMode.StagingMaskedWithReset));
        var once = await DumpAsync(db);
        ThrowawayPostgres.ExecuteOn(db, "UPDATE kora.contacts SET display_name = 'drift'");

        await DatabaseSeeder.SeedAsync(db, SyntheticDataGenerator.Generate(7, Size, SeedMode.StagingMaskedWithReset));

        Assert.Equal(once, await DumpAsync(db));
        Assert.Contains($"{Size.Tenants * Size.ContactsPerTenant} contacts", await CountsAsync(db), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_tenant_sees_only_its_own_seeded_rows_as_the_application()
    {
        var db = postgres.CreateDatabase();
        var dataset = SyntheticDataGenerator.Generate(42, Size, SeedMode.DevFixtures);
        await DatabaseSeeder.SeedAsync(db, dataset);

        foreach (var tenant in dataset.Tenants)
        {
            Assert.Equal(Size.ExecutionsPerTenant, RoleSession.Scalar(db, "kora_app", tenant.Id, "SELECT count(*) FROM kora.flow_executions"));
            Assert.Equal(0, RoleSession.Scalar(db, "kora_app", tenant.Id, $"SELECT count(*) FROM kora.contacts WHERE tenant_id <> '{tenant.Id}'"));
        }
    }

    [Fact]
    public async Task A_login_without_superuser_powers_seeds_through_the_tenant_policies()
    {
        // As on a managed server, where the administrator is a member of kora_owner, not a superuser:
        // FORCEd RLS applies, so every row must be written under its own tenant's binding.
        var login = $"kora_test_seeder_{Environment.ProcessId}";
        var db = postgres.CreateDatabase();
        ThrowawayPostgres.ExecuteOn(db, $"CREATE ROLE {login} LOGIN IN ROLE kora_owner");
        try
        {
            var asLogin = new NpgsqlConnectionStringBuilder(db) { Username = login }.ConnectionString;
            await DatabaseSeeder.SeedAsync(asLogin, SyntheticDataGenerator.Generate(42, Size, SeedMode.DevFixtures));

            var reference = postgres.CreateDatabase();
            await DatabaseSeeder.SeedAsync(reference, SyntheticDataGenerator.Generate(42, Size, SeedMode.DevFixtures));
            Assert.Equal(await DumpAsync(reference), await DumpAsync(db));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            ThrowawayPostgres.ExecuteOn(db, $"DROP ROLE {login}");
        }
    }

    private static async Task<string> DumpAsync(string db)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        var dump = new StringBuilder();
        foreach (var table in new[] { "tenants", "contacts", "flows", "flow_executions" })
        {
            using var reader = await connection.BeginTextExportAsync($"COPY (SELECT * FROM kora.{table} ORDER BY 1, 2) TO STDOUT");
            dump.Append(table).Append('\n').Append(await reader.ReadToEndAsync());
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(dump.ToString())));
    }

    private static async Task<string> CountsAsync(string db)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT (SELECT count(*) FROM kora.contacts) || ' contacts'", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
