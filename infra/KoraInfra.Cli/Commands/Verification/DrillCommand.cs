using System.CommandLine;
using KoraInfra.Cli.Commands.Db;
using KoraInfra.Cli.Output;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.Platform.Verification;
using KoraInfra.Platform.Verification.FaultInjection;
using KoraInfra.Platform.Verification.Restore;
using Npgsql;

namespace KoraInfra.Cli.Commands.Verification;

/// <summary>
/// <c>kora drill restore</c>: runs the restore drill with the local driver (a WAL-archiving
/// PostgreSQL on this machine: tests, CI, a developer) or the azure driver (the flexible server's
/// point-in-time restore through the Azure CLI: the pipeline), signs the record with the release
/// key and writes it where the release store keeps it.
/// </summary>
public static class DrillCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var connection = DatabaseConnection.Option();
        var driverName = new Option<string>("--driver") { Description = "Where the restore runs: local (a WAL-archiving PostgreSQL on this machine) or azure (the stack's flexible server, through the Azure CLI).", DefaultValueFactory = _ => "local" };
        var archive = new Option<string?>("--wal-archive") { Description = "local: the directory the source's archive_command copies WAL segments to." };
        var az = new Option<string>("--az") { Description = "azure: the Azure CLI to run.", DefaultValueFactory = _ => "az" };
        var subscription = new Option<string?>("--subscription") { Description = "azure: the subscription id of the stack's PostgreSQL server (default: $AZURE_SUBSCRIPTION_ID)." };
        var work = new Option<string?>("--work-dir") { Description = "Scratch directory for the base backup and the restored cluster (default: a new temporary directory; deleted afterwards)." };
        var stack = new Option<string>("--stack") { Description = "The stack the drill runs for.", DefaultValueFactory = _ => "staging" };
        var commit = new Option<string>("--commit") { Description = "The commit (40 hex) of the artifact running.", Required = true };
        var rc = new Option<string>("--rc") { Description = "The release candidate running (vX.Y.Z-rc.N).", Required = true };
        var images = new Option<string[]>("--image") { Description = "An image running, by digest (repeat for each).", Required = true, AllowMultipleArgumentsPerToken = true };
        var rpo = new Option<int?>("--rpo-minutes") { Description = "A tighter RPO target than the stack's kora-infra:verification.restore.rpoMinutes (default: that setting)." };
        var rto = new Option<int?>("--rto-minutes") { Description = "A tighter RTO target than the stack's kora-infra:verification.restore.rtoMinutes (at most 60: P0 recovery SLA; default: that setting)." };
        var keyFile = new Option<string?>("--key-file") { Description = $"PEM private key that signs the record, outside the repository (default: ${ReleaseSigningKey.SigningKeyVariable})." };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml; the record is written under its releases/staging/evidence/<rc>/." };
        var restore = new Command("restore", "Point-in-time restore into a throwaway server, verify it, measure RPO/RTO, and write the signed record.")
        {
            connection, driverName, archive, az, subscription, work, stack, commit, rc, images, rpo, rto, keyFile, projectDir,
        };
        restore.SetAction(async (parse, ct) =>
        {
            var dir = ProjectDirectory.Resolve(parse.GetValue(projectDir));
            var version = ReleaseVersion.TryParse(parse.GetValue(rc)) ?? throw new UsageException($"--rc '{parse.GetValue(rc)}': expected {ReleaseVersion.Expected}");
            var running = (parse.GetValue(images) ?? []).Select(i => ImageReference.TryParse(i) ?? throw new UsageException($"--image '{i}': expected {ImageReference.Expected}")).ToList();
            var targets = Targets(parse.GetValue(rpo), parse.GetValue(rto), parse.GetValue(stack)!, dir);

            var source = DatabaseConnection.Resolve(parse.GetValue(connection));
            using var key = ReleaseFiles.LoadKey(parse.GetValue(keyFile), ReleaseSigningKey.SigningKeyVariable, dir);
            IRestoreDriver driver;
            switch (parse.GetValue(driverName))
            {
                case "local":
                    var walArchive = parse.GetValue(archive) ?? throw new UsageException("--driver local needs --wal-archive: the directory the source's archive_command copies WAL segments to");
                    var scratch = parse.GetValue(work) ?? Path.Combine(Path.GetTempPath(), "kora-drill-" + Guid.NewGuid().ToString("N"));
                    driver = new LocalRestoreDriver(new NpgsqlConnectionStringBuilder(source), walArchive, scratch);
                    break;
                case "azure":
                    driver = await Azure(parse.GetValue(stack)!, dir, parse.GetValue(subscription), parse.GetValue(az)!, source, services.Time, ct).ConfigureAwait(false);
                    break;
                default:
                    throw new UsageException($"--driver '{parse.GetValue(driverName)}': expected local or azure");
            }

            var request = new RestoreDrillRequest(source, parse.GetValue(stack)!, parse.GetValue(commit)!, version, running, targets);
            var record = await Progress.RunAsync(services.Terminal, parse.InvocationConfiguration.Output, $"restore drill ({driver.Name}): restoring, verifying, measuring RPO/RTO", () => RestoreDrill.RunAsync(request, driver, services.Time, ct)).ConfigureAwait(false);
            string envelope;
            try
            {
                envelope = EvidenceSigner.Sign(record, key);
            }
            catch (ReleaseDocumentException ex)
            {
                throw new UsageException(ex.Message, ex);
            }

            var relative = EvidenceStoreLayout.PathOf(record);
            var full = ReleaseFiles.Full(dir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, envelope, ct).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"{(record.Passed ? "PASS" : "FAIL")}  restore drill ({driver.Name}): signed record {relative}");
            record.Measurements.ToList().ForEach(m => output.WriteLine($"  {m.Name} = {m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {m.Unit}"));
            record.Reasons.ToList().ForEach(r => output.WriteLine("  " + r));
            return record.Passed ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return new Command("drill", "Staging verification drills that measure and sign what they saw.") { restore, ChaosCommand.Create(services), HeartbeatCommand.Create(services), ExperimentsCommand.Create() };
    }

    // The throwaway server is decided from the stack's plans; a missing az is refused before anything starts.
    private static async Task<AzureRestoreDriver> Azure(string stack, string projectDir, string? subscription, string az, string source, TimeProvider time, CancellationToken ct)
    {
        AzureRestoreDriver driver;
        try
        {
            driver = AzureRestoreDriver.For(VerificationInputs.Stack(stack, projectDir), subscription ?? Environment.GetEnvironmentVariable("AZURE_SUBSCRIPTION_ID"), az, source, time);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message, ex);
        }

        try
        {
            await driver.CheckAvailableAsync(ct).ConfigureAwait(false);
        }
        catch (FaultInjectorException ex)
        {
            throw new UsageException($"the azure restore drill: nothing was started: {ex.Message}", ex);
        }

        return driver;
    }

    // The stack's targets judge the drill; an option may only tighten one, so no run can pass
    // against a looser target than the settings promise. The P0 ceiling is checked first.
    private static RestoreTargets Targets(int? rpoMinutes, int? rtoMinutes, string stack, string projectDir)
    {
        RestoreTargets given;
        try
        {
            given = RestoreTargets.Checked(TimeSpan.FromMinutes(rpoMinutes ?? 1), TimeSpan.FromMinutes(rtoMinutes ?? 1), "--rpo-minutes/--rto-minutes");
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message, ex);
        }

        var settings = VerificationInputs.Settings(stack, projectDir).Restore;
        if (given.Rpo > settings.Rpo && rpoMinutes is not null)
        {
            throw new UsageException($"--rpo-minutes {rpoMinutes} is looser than {stack}'s kora-infra:verification.restore.rpoMinutes {settings.Rpo.TotalMinutes}; expected at most that");
        }

        if (given.Rto > settings.Rto && rtoMinutes is not null)
        {
            throw new UsageException($"--rto-minutes {rtoMinutes} is looser than {stack}'s kora-infra:verification.restore.rtoMinutes {settings.Rto.TotalMinutes}; expected at most that");
        }

        return new RestoreTargets(rpoMinutes is null ? settings.Rpo : given.Rpo, rtoMinutes is null ? settings.Rto : given.Rto);
    }
}
