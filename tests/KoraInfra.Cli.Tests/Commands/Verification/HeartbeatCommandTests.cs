using KoraInfra.Cli.Tests.Support;
using KoraInfra.Platform.Verification.Restore;
using KoraInfra.TestSupport;
using Npgsql;

namespace KoraInfra.Cli.Tests.Commands.Verification;

[Collection(UsesPostgres.Name)]
public sealed class HeartbeatCommandTests(ThrowawayPostgres postgres)
{
    [Fact]
    public async Task It_writes_one_row_per_interval_the_drill_reads_as_the_newest_heartbeat()
    {
        var db = postgres.CreateDatabase();
        ThrowawayPostgres.ExecuteOn(db, Heartbeat.CreateSql);

        var run = Kora.Run("drill", "heartbeat", "--connection", db, "--interval-seconds", "1", "--count", "2");

        Assert.True(run.ExitCode == 0, run.All);
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var rows = new NpgsqlCommand("SELECT count(*), extract(epoch FROM max(at) - min(at)) FROM kora_drill.heartbeat", connection);
        await using var reader = await rows.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(2, reader.GetInt64(0));
        Assert.InRange(reader.GetDouble(1), 0.9, 5);
        Assert.NotNull(await Heartbeat.NewestAsync(db, null, CancellationToken.None));
    }

    [Fact]
    public void A_database_without_the_heartbeat_table_is_named_as_such()
    {
        // Since V17 a migrated database has the table; one never migrated does not.
        var db = postgres.CreateDatabase(migrated: false);

        var run = Kora.Run("drill", "heartbeat", "--connection", db, "--count", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("has no KoraOS schema", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_server_is_named_unreachable()
    {
        var run = Kora.Run("drill", "heartbeat", "--connection", "Host=127.0.0.1;Port=1;Database=kora;Username=kora_app;Timeout=2", "--count", "1");

        Assert.Equal(69, run.ExitCode);
        Assert.Contains("is unreachable", run.Error, StringComparison.Ordinal);
    }
}
