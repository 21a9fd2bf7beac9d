using KoraInfra.Cli.Tests.Support;
using KoraInfra.Platform.Database.Seed;
using KoraInfra.Platform.Verification.Restore;
using KoraInfra.TestCases;
using KoraInfra.TestSupport;

namespace KoraInfra.Cli.Tests.Commands.Verification;

/// <summary>
/// <c>kora drill restore --driver azure</c>: a whole drill through an az stand-in whose "restored
/// server" is the real throwaway PostgreSQL, its signed record verifying; and the refusals made
/// before anything is started.
/// </summary>
public sealed class DrillRestoreCommandTests(ThrowawayPostgres postgres) : IClassFixture<ThrowawayPostgres>, IDisposable
{
    private const string Subscription = "0b3a2f64-5d1e-4c8a-9f27-6e0d4b1c8a35";
    private readonly ReleaseWorkspace _ws = new();
    private readonly string _tools = Directory.CreateTempSubdirectory("kora-az-").FullName;

    [Fact]
    public async Task An_azure_drill_restores_verifies_deletes_and_writes_a_record_that_verifies()
    {
        var source = postgres.CreateDatabase();
        await DatabaseSeeder.SeedAsync(source, SyntheticDataGenerator.Generate(3, new SeedSize(Tenants: 2, ContactsPerTenant: 2, FlowsPerTenant: 1, ExecutionsPerTenant: 1), SeedMode.StagingMaskedWithReset));
        ThrowawayPostgres.ExecuteOn(source, Heartbeat.CreateSql);
        await Heartbeat.WriteAsync(source, CancellationToken.None);

        var run = _ws.Kora([.. Restore("azure"), "--connection", source, "--subscription", Subscription, "--az", StandInAz(), "--key-file", _ws.SigningKey]);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("PASS  restore drill (azure): signed record releases/staging/evidence/v1.4.0-rc.2/restore-drill-", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("restoring, verifying", run.Output, StringComparison.Ordinal);
        var calls = File.ReadAllLines(Path.Combine(_tools, "calls"));
        Assert.Equal(6, calls.Length);
        Assert.Equal("version --output none", calls[0]);
        Assert.StartsWith("postgres flexible-server restore --resource-group ", calls[1], StringComparison.Ordinal);
        Assert.Contains($"--subscription {Subscription}", calls[1], StringComparison.Ordinal);
        Assert.StartsWith("network private-endpoint create ", calls[2], StringComparison.Ordinal);
        Assert.StartsWith("network private-endpoint delete ", calls[4], StringComparison.Ordinal);
        Assert.StartsWith("postgres flexible-server delete ", calls[5], StringComparison.Ordinal);
        var record = Directory.GetFiles(Path.Combine(_ws.Project, "releases", "staging", "evidence", "v1.4.0-rc.2")).Single();
        var verify = _ws.Kora("evidence", "verify", record, "--kind", "restore-drill", "--commit", ReleaseFixtures.Commit, "--rc", "v1.4.0-rc.2", "--image", ReleaseFixtures.Api.ToString(), "--image", ReleaseFixtures.Worker.ToString(), "--key-file", _ws.VerifyKey, "--project-dir", _ws.Project);
        Assert.True(verify.ExitCode == 0, verify.All);
    }

    [Fact]
    public async Task On_a_terminal_the_drill_shows_its_progress_then_the_same_result()
    {
        var source = postgres.CreateDatabase();
        await DatabaseSeeder.SeedAsync(source, SyntheticDataGenerator.Generate(3, new SeedSize(Tenants: 2, ContactsPerTenant: 2, FlowsPerTenant: 1, ExecutionsPerTenant: 1), SeedMode.StagingMaskedWithReset));
        ThrowawayPostgres.ExecuteOn(source, Heartbeat.CreateSql);
        await Heartbeat.WriteAsync(source, CancellationToken.None);

        var run = _ws.KoraOnTerminal([.. Restore("azure"), "--connection", source, "--subscription", Subscription, "--az", StandInAz(), "--key-file", _ws.SigningKey]);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("restore drill (azure): restoring, verifying, measuring RPO/RTO", run.Output, StringComparison.Ordinal);
        Assert.Contains("PASS  restore drill (azure): signed record ", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("azure", "--subscription|not-a-guid", "expected a GUID (--subscription or AZURE_SUBSCRIPTION_ID)")]
    [InlineData("azure", "--stack|prod|--subscription|" + Subscription, "only staging runs the checks")]
    [InlineData("local", "", "--driver local needs --wal-archive")]
    [InlineData("gcp", "", "--driver 'gcp': expected local or azure")]
    public void Bad_inputs_are_refused_before_anything_starts(string driver, string extra, string expected)
    {
        string[] more = extra.Length == 0 ? [] : extra.Split('|');

        var run = _ws.Kora([.. Restore(driver), "--connection", "Host=127.0.0.1;Database=kora", "--az", StandInAz(), "--key-file", _ws.SigningKey, .. more]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_tools, "calls")), "az ran");
        Assert.False(Directory.Exists(Path.Combine(_ws.Project, "releases", "staging", "evidence")), "a record was written");
    }

    [Fact]
    public void A_missing_az_names_the_package_and_starts_nothing()
    {
        var run = _ws.Kora([.. Restore("azure"), "--connection", "Host=127.0.0.1;Database=kora", "--subscription", Subscription, "--az", Path.Combine(_tools, "no-az"), "--key-file", _ws.SigningKey]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nothing was started", run.Error, StringComparison.Ordinal);
        Assert.Contains("azure-cli", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_ws.Project, "releases", "staging", "evidence")), "a record was written");
    }

    public void Dispose()
    {
        _ws.Dispose();
        Directory.Delete(_tools, recursive: true);
    }

    private string[] Restore(string driver) =>
    [
        "drill", "restore", "--driver", driver, "--commit", ReleaseFixtures.Commit, "--rc", "v1.4.0-rc.2",
        "--image", ReleaseFixtures.Api.ToString(), "--image", ReleaseFixtures.Worker.ToString(), "--project-dir", _ws.Project,
    ];

    // Stands in for az: records each call; the restore answers with the host of the throwaway PostgreSQL.
    private string StandInAz()
    {
        var path = Path.Combine(_tools, "az");
        File.WriteAllText(path, $"""
            #!/bin/sh
            echo "$*" >> '{_tools}/calls'
            [ "$3" = restore ] && echo localhost
            exit 0
            """ + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
