using KoraInfra.Platform.Database.Seed;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Verification;
using KoraInfra.Platform.Verification.Restore;
using KoraInfra.TestCases;
using KoraInfra.TestSupport;
using Npgsql;

namespace KoraInfra.Platform.Tests.Verification;

/// <summary>
/// The local restore drill, for real: a PostgreSQL 15 archiving its WAL, a base backup, heartbeats
/// written every second throughout, a point-in-time recovery into a second cluster, then the RLS
/// check, the schema and row comparison and the measured RPO/RTO in a signed record the gate accepts.
/// </summary>
public sealed class RestoreDrillTests
{
    [Fact]
    public async Task A_local_point_in_time_restore_measures_rpo_and_rto_and_its_signed_record_passes_the_prod_gate()
    {
        using var source = ThrowawayPostgres.Archiving();
        var database = source.CreateDatabase();
        await DatabaseSeeder.SeedAsync(database, SyntheticDataGenerator.Generate(7, new SeedSize(Tenants: 2, ContactsPerTenant: 5, FlowsPerTenant: 2, ExecutionsPerTenant: 5), SeedMode.StagingMaskedWithReset));
        ThrowawayPostgres.ExecuteOn(database, Heartbeat.CreateSql);
        using var writing = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                await Heartbeat.WriteAsync(database, CancellationToken.None);
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        });

        var driver = new LocalRestoreDriver(new NpgsqlConnectionStringBuilder(database), source.ArchiveDirectory!, source.ClusterDirectory + "-drill");
        var request = new RestoreDrillRequest(database, "staging", ReleaseFixtures.Commit, Platform.Release.Manifest.ReleaseVersion.TryParse("v1.4.0-rc.2")!, [ReleaseFixtures.Api, ReleaseFixtures.Worker], RestoreTargets.Checked(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60), "test"));
        EvidenceRecord record;
        try
        {
            record = await RestoreDrill.RunAsync(request, driver, TimeProvider.System);
        }
        finally
        {
            await writing.CancelAsync();
            await writer;
        }

        Assert.True(record.Passed, string.Join(Environment.NewLine, record.Reasons));
        var rto = record.Measured(RestoreDrillJudgement.Rto)!;
        var rpo = record.Measured(RestoreDrillJudgement.Rpo)!;
        Assert.InRange(rto.Value, 0.001, 600);
        Assert.InRange(rpo.Value, 0, 5); // heartbeats every second: at most a few seconds lost
        Assert.True(record.Measured("tenant-tables-rows")!.Value > 0);
        Assert.False(Directory.Exists(source.ClusterDirectory + "-drill"));

        var verified = EvidenceVerifier.Verify("drill.dsse.json", EvidenceSigner.Sign(record, ReleaseFixtures.RecordKey), ReleaseFixtures.RecordKey);
        Assert.True(verified.IsValid, verified.Refusal);
        using var key = ReleaseFixtures.NewKey();
        var approvedRc = ReleaseFixtures.ApprovedRc(key);
        var context = ReleaseFixtures.ProdContext(approvedRc) with { Records = new VerificationRecords("drill", [verified]), Now = record.FinishedAt.AddMinutes(1) };
        var evidence = ReleaseFixtures.Prod() with { Approvals = ReleaseFixtures.Prod().Approvals.Select(a => a with { At = record.FinishedAt }).ToList() };
        var report = ProdDeployGate.Evaluate(evidence, approvedRc, context);
        Assert.DoesNotContain(report.Failures, f => f.Id == "restore-drill-within-rpo-rto");
    }

    [Fact]
    public void Rto_targets_beyond_the_p0_sla_are_refused() =>
        Assert.Contains("beyond the P0 recovery SLA", Assert.Throws<ArgumentException>(() => RestoreTargets.Checked(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(61), "Pulumi.staging.yaml: kora-infra:verification.restoreRtoMinutes")).Message, StringComparison.Ordinal);

    [Fact]
    public void The_azure_driver_asks_for_a_point_in_time_restore_into_a_throwaway_server()
    {
        var now = ReleaseFixtures.Now;
        var request = new AzureRestoreRequest("rg-kora-staging", "/subscriptions/0000/resourceGroups/rg-kora-staging/providers/Microsoft.DBforPostgreSQL/flexibleServers/psql-kora-staging", "brazilsouth", now.AddMinutes(-5), "Run-42");

        Assert.Equal("psql-kora-staging-drill-run42", request.TargetServerName);
        Assert.Equal(["postgres", "flexible-server", "restore", "--resource-group", "rg-kora-staging", "--name", "psql-kora-staging-drill-run42", "--source-server", request.SourceServerId, "--restore-time", "2026-03-02T13:55:00Z"], request.AzCliArguments);
        Assert.Equal("PointInTimeRestore", (string?)request.ArmBody["properties"]!["createMode"]);
        Assert.Empty(request.Problems(now, TimeSpan.FromDays(7)));
        Assert.Contains("older than the server's backup retention", Assert.Single((request with { RestorePoint = now.AddDays(-8) }).Problems(now, TimeSpan.FromDays(7))), StringComparison.Ordinal);
        Assert.Contains("in the future", Assert.Single((request with { RestorePoint = now.AddMinutes(1) }).Problems(now, TimeSpan.FromDays(7))), StringComparison.Ordinal);
    }
}
