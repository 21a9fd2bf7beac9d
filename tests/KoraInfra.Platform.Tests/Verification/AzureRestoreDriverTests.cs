using KoraInfra.Platform.Database.Seed;
using KoraInfra.Platform.Naming;
using KoraInfra.Platform.Network;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;
using KoraInfra.Platform.Verification;
using KoraInfra.Platform.Verification.FaultInjection;
using KoraInfra.Platform.Verification.Restore;
using KoraInfra.TestCases;
using KoraInfra.TestSupport;

namespace KoraInfra.Platform.Tests.Verification;

/// <summary>
/// The Azure restore driver through a stand-in <c>az</c> that records its calls and answers with
/// a host of the real throwaway PostgreSQL as the "restored" server: the command lines, the same
/// verification the local drill does on what it connects to, and the throwaway server deleted on
/// success, on a failed restore, on a failed teardown and on cancel.
/// </summary>
public sealed class AzureRestoreDriverTests(ThrowawayPostgres postgres) : IClassFixture<ThrowawayPostgres>, IDisposable
{
    private const string Subscription = "0b3a2f64-5d1e-4c8a-9f27-6e0d4b1c8a35";
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 14, 15, 0, TimeSpan.Zero);
    private readonly string _tools = Directory.CreateTempSubdirectory("kora-az-").FullName;

    [Fact]
    public async Task A_drill_restores_verifies_the_copy_through_its_returned_host_and_deletes_the_server()
    {
        var source = await Seeded();
        var az = StandInAz(restoreOutput: "localhost", restoreExit: 0, deleteExit: 0);
        var driver = AzureRestoreDriver.For(Staging, Subscription, az, source, Clock);

        var record = await RestoreDrill.RunAsync(Request(source), driver, Clock);

        Assert.True(record.Passed, string.Join(Environment.NewLine, record.Reasons));
        Assert.Equal("azure", record.Driver);
        Assert.Equal(0, record.Measured("rls-findings")!.Value);
        Assert.Equal(0, record.Measured("restored-differences")!.Value);
        Assert.NotNull(record.Measured(RestoreDrillJudgement.Rpo));
        var server = Staging.Names.Name(ResourceKind.PostgreSqlServer);
        var group = Staging.Names.Name(ResourceKind.ResourceGroup);
        var network = NetworkPlan.For(Staging)!;
        var endpoint = network.EndpointFor("postgres")!;
        var target = $"{server}-drill-20261201t141500";
        var calls = Calls();
        Assert.Equal(5, calls.Length);
        Assert.StartsWith($"postgres flexible-server restore --resource-group {group} --name {target} --source-server /subscriptions/{Subscription}/resourceGroups/{group}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{server} --restore-time ", calls[0], StringComparison.Ordinal);
        Assert.EndsWith($" --subscription {Subscription} --query fullyQualifiedDomainName --output tsv", calls[0], StringComparison.Ordinal);

        // Staging's server refuses public traffic: the copy gets its own endpoint in the stack's subnet and zone, removed first.
        Assert.Equal($"network private-endpoint create --subscription {Subscription} --resource-group {group} --name pep-{target} --location {Staging.Region.Name} --vnet-name {network.VirtualNetworkName} --subnet {network.Subnet(SubnetRole.PrivateEndpoints)!.Name} --private-connection-resource-id /subscriptions/{Subscription}/resourceGroups/{group}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{target} --group-id postgresqlServer --connection-name {target} --output none", calls[1]);
        Assert.Equal($"network private-endpoint dns-zone-group create --subscription {Subscription} --resource-group {group} --endpoint-name pep-{target} --name default --private-dns-zone {endpoint.ZoneName} --zone-name {endpoint.ZoneConfigName} --output none", calls[2]);
        Assert.Equal($"network private-endpoint delete --subscription {Subscription} --resource-group {group} --name pep-{target}", calls[3]);
        Assert.Equal($"postgres flexible-server delete --subscription {Subscription} --resource-group {group} --name {target} --yes", calls[4]);
    }

    [Fact]
    public async Task A_failed_restore_is_a_failed_record_and_the_server_is_still_deleted()
    {
        var source = await Seeded();
        var az = StandInAz(restoreOutput: "ERROR: (ServerNotReady) the source is busy", restoreExit: 1, deleteExit: 3, deleteOutput: "ERROR: (ResourceNotFound) The Resource was not found.");

        var record = await RestoreDrill.RunAsync(Request(source), AzureRestoreDriver.For(Staging, Subscription, az, source, Clock), Clock);

        Assert.False(record.Passed);
        Assert.Contains(record.Reasons, r => r.Contains("point-in-time restore", StringComparison.Ordinal) && r.Contains("failed (exit 1): ERROR: (ServerNotReady) the source is busy", StringComparison.Ordinal));
        Assert.DoesNotContain(record.Reasons, r => r.StartsWith("teardown failed", StringComparison.Ordinal));
        Assert.StartsWith("postgres flexible-server delete ", Calls()[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_cannot_be_deleted_fails_the_drill_and_says_how_to_delete_it()
    {
        var source = await Seeded();
        var az = StandInAz(restoreOutput: "localhost", restoreExit: 0, deleteExit: 1, deleteOutput: "ERROR: (AuthorizationFailed) no delete permission");

        var record = await RestoreDrill.RunAsync(Request(source), AzureRestoreDriver.For(Staging, Subscription, az, source, Clock), Clock);

        Assert.False(record.Passed);
        var reason = Assert.Single(record.Reasons, r => r.StartsWith("teardown failed", StringComparison.Ordinal));
        Assert.Contains("AuthorizationFailed", reason, StringComparison.Ordinal);
        Assert.Contains("delete it by hand (az network private-endpoint delete", reason, StringComparison.Ordinal);
        Assert.Contains("delete it by hand (az postgres flexible-server delete --subscription", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_drill_still_deletes_the_server_it_started()
    {
        var source = await Seeded();
        var az = StandInAz(restoreOutput: "localhost", restoreExit: 0, deleteExit: 0, restoreSeconds: 30);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RestoreDrill.RunAsync(Request(source), AzureRestoreDriver.For(Staging, Subscription, az, source, Clock), Clock, cancel.Token));

        Assert.StartsWith("postgres flexible-server delete ", Calls()[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_az_did_not_print_is_a_failed_restore()
    {
        var source = await Seeded();
        var az = StandInAz(restoreOutput: "WARNING: something went sideways", restoreExit: 0, deleteExit: 0);

        var record = await RestoreDrill.RunAsync(Request(source), AzureRestoreDriver.For(Staging, Subscription, az, source, Clock), Clock);

        Assert.False(record.Passed);
        Assert.Contains(record.Reasons, r => r.Contains("did not return the server's host name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_copy_that_cannot_be_given_its_endpoint_fails_and_endpoint_and_server_are_deleted()
    {
        var source = await Seeded();
        var az = StandInAz(restoreOutput: "localhost", restoreExit: 0, deleteExit: 0, endpointExit: 1);

        var record = await RestoreDrill.RunAsync(Request(source), AzureRestoreDriver.For(Staging, Subscription, az, source, Clock), Clock);

        Assert.False(record.Passed);
        Assert.Contains(record.Reasons, r => r.Contains("could not be given its private endpoint", StringComparison.Ordinal));
        var calls = Calls();
        Assert.StartsWith("network private-endpoint delete ", calls[^2], StringComparison.Ordinal);
        Assert.StartsWith("postgres flexible-server delete ", calls[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Where_the_server_takes_public_traffic_no_endpoint_is_made() =>
        Assert.Null(NetworkPlan.For(StackFiles.Validate(Repository.StackFile("dev")).Require())?.EndpointFor("postgres"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("my-subscription")]
    public void A_subscription_that_is_not_a_guid_is_refused(string? subscription)
    {
        var ex = Assert.Throws<ArgumentException>(() => AzureRestoreDriver.For(Staging, subscription, "az", "Host=x;Database=kora", TimeProvider.System));

        Assert.Contains("expected a GUID (--subscription or AZURE_SUBSCRIPTION_ID)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_az_names_the_package()
    {
        var driver = AzureRestoreDriver.For(Staging, Subscription, Path.Combine(_tools, "no-az"), "Host=x;Database=kora", TimeProvider.System);

        var ex = await Assert.ThrowsAsync<FaultInjectorException>(() => driver.CheckAvailableAsync(CancellationToken.None));

        Assert.Contains("azure-cli", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_tools, "calls")));
    }

    public void Dispose() => Directory.Delete(_tools, recursive: true);

    private static TimeProvider Clock { get; } = new FixedClock(Start);

    private static StackSettings Staging { get; } = StackFiles.Validate(Repository.StackFile("staging")).Require();

    private static RestoreDrillRequest Request(string source) =>
        new(source, "staging", ReleaseFixtures.Commit, ReleaseVersion.TryParse("v1.4.0-rc.2")!, [ReleaseFixtures.Api, ReleaseFixtures.Worker], RestoreTargets.Checked(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60), "test"));

    private async Task<string> Seeded()
    {
        var database = postgres.CreateDatabase();
        await DatabaseSeeder.SeedAsync(database, SyntheticDataGenerator.Generate(7, new SeedSize(Tenants: 2, ContactsPerTenant: 3, FlowsPerTenant: 1, ExecutionsPerTenant: 2), SeedMode.StagingMaskedWithReset));
        ThrowawayPostgres.ExecuteOn(database, Heartbeat.CreateSql);
        await Heartbeat.WriteAsync(database, CancellationToken.None);
        return database;
    }

    private string[] Calls() => File.ReadAllLines(Path.Combine(_tools, "calls"));

    // Stands in for az: records each call, answers restore and delete with the given output and exit code.
    private string StandInAz(string restoreOutput, int restoreExit, int deleteExit, string deleteOutput = "", int restoreSeconds = 0, int endpointExit = 0)
    {
        var path = Path.Combine(_tools, "az");
        File.WriteAllText(path, $"""
            #!/bin/sh
            echo "$*" >> '{_tools}/calls'
            case "$3" in
              restore) sleep {restoreSeconds}; echo '{restoreOutput}'; exit {restoreExit} ;;
              delete) echo '{deleteOutput}'; exit {deleteExit} ;;
              create) exit {endpointExit} ;;
            esac
            exit 0
            """ + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
