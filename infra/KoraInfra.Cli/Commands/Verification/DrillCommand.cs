using System.CommandLine;
using KoraInfra.Cli.Commands.Db;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.Platform.Verification;
using KoraInfra.Platform.Verification.Restore;
using Npgsql;

namespace KoraInfra.Cli.Commands.Verification;

/// <summary>
/// <c>kora drill restore</c>: runs the restore drill with the local driver (a WAL-archiving
/// PostgreSQL on this machine: tests, CI, a developer), signs the record with the release key and
/// writes it where the release store keeps it. In Azure the pipeline drives the flexible server's
/// point-in-time restore (docs/verification.md) and runs the same verification on the copy.
/// </summary>
public static class DrillCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var connection = DatabaseConnection.Option();
        var archive = new Option<string>("--wal-archive") { Description = "The directory the source's archive_command copies WAL segments to.", Required = true };
        var work = new Option<string?>("--work-dir") { Description = "Scratch directory for the base backup and the restored cluster (default: a new temporary directory; deleted afterwards)." };
        var stack = new Option<string>("--stack") { Description = "The stack the drill runs for.", DefaultValueFactory = _ => "staging" };
        var commit = new Option<string>("--commit") { Description = "The commit (40 hex) of the artifact running.", Required = true };
        var rc = new Option<string>("--rc") { Description = "The release candidate running (vX.Y.Z-rc.N).", Required = true };
        var images = new Option<string[]>("--image") { Description = "An image running, by digest (repeat for each).", Required = true, AllowMultipleArgumentsPerToken = true };
        var rpo = new Option<int>("--rpo-minutes") { Description = "The RPO target.", DefaultValueFactory = _ => 15 };
        var rto = new Option<int>("--rto-minutes") { Description = "The RTO target (at most 60: P0 recovery SLA).", DefaultValueFactory = _ => 60 };
        var keyFile = new Option<string?>("--key-file") { Description = $"PEM private key that signs the record, outside the repository (default: ${ReleaseSigningKey.SigningKeyVariable})." };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml; the record is written under its releases/staging/evidence/<rc>/." };
        var restore = new Command("restore", "Point-in-time restore into a throwaway server, verify it, measure RPO/RTO, and write the signed record.")
        {
            connection, archive, work, stack, commit, rc, images, rpo, rto, keyFile, projectDir,
        };
        restore.SetAction(async (parse, ct) =>
        {
            var dir = ProjectDirectory.Resolve(parse.GetValue(projectDir));
            var version = ReleaseVersion.TryParse(parse.GetValue(rc)) ?? throw new UsageException($"--rc '{parse.GetValue(rc)}': expected {ReleaseVersion.Expected}");
            var running = (parse.GetValue(images) ?? []).Select(i => ImageReference.TryParse(i) ?? throw new UsageException($"--image '{i}': expected {ImageReference.Expected}")).ToList();
            RestoreTargets targets;
            try
            {
                targets = RestoreTargets.Checked(TimeSpan.FromMinutes(parse.GetValue(rpo)), TimeSpan.FromMinutes(parse.GetValue(rto)), "--rpo-minutes/--rto-minutes");
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message, ex);
            }

            var source = DatabaseConnection.Resolve(parse.GetValue(connection));
            using var key = ReleaseFiles.LoadKey(parse.GetValue(keyFile), ReleaseSigningKey.SigningKeyVariable, dir);
            var scratch = parse.GetValue(work) ?? Path.Combine(Path.GetTempPath(), "kora-drill-" + Guid.NewGuid().ToString("N"));
            var driver = new LocalRestoreDriver(new NpgsqlConnectionStringBuilder(source), parse.GetValue(archive)!, scratch);
            var request = new RestoreDrillRequest(source, parse.GetValue(stack)!, parse.GetValue(commit)!, version, running, targets);
            var record = await RestoreDrill.RunAsync(request, driver, services.Time, ct).ConfigureAwait(false);
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
        return new Command("drill", "Staging verification drills that measure and sign what they saw.") { restore, ChaosCommand.Create(services) };
    }
}
