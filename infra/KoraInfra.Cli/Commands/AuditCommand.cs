using System.CommandLine;
using System.Security.Cryptography;
using KoraInfra.Cli.Output;
using KoraInfra.Cli.Output.Reports;
using KoraInfra.Cli.Output.Tables;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.Cli.Commands;

/// <summary>
/// <c>kora audit verify</c>: checks the deploy audit log's hash chain, every entry's signature by
/// the release key, its head, and optionally that it extends the head or the copy the release
/// store (WORM) holds.
/// </summary>
public static class AuditCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var stack = new Option<string?>("--stack") { Description = "Verify the log this stack's settings name (kora-infra:promotion.auditLog); default: every promoted stack's." };
        var log = new Option<string?>("--audit-log") { Description = "Verify this file instead (e.g. a copy downloaded from the release store); verification never writes." };
        var keyFile = new Option<string?>("--key-file") { Description = $"PEM public key that verifies the entries' signatures (default: ${ReleaseSigningKey.VerificationKeyVariable})." };
        var worm = new Option<string?>("--worm-copy") { Description = "A copy of the log from the release store (WORM): the log must extend it entry for entry." };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml (default: found from the working directory)." };
        var anchor = new AnchorOptions();
        var json = JsonOption.Create();
        var verify = new Command("verify", "Verify the deploy audit log: any edit, deletion, reordering, truncation or entry not signed by the release key is reported.")
        {
            stack,
            log,
            keyFile,
            worm,
            projectDir,
            json,
        };
        anchor.AddTo(verify);
        verify.SetAction(parse =>
        {
            var paths = Paths(parse.GetValue(stack), parse.GetValue(log), parse.GetValue(projectDir));
            var dir = parse.GetValue(projectDir) ?? Directory.GetCurrentDirectory();
            using var key = ReleaseFiles.LoadKey(parse.GetValue(keyFile), ReleaseSigningKey.VerificationKeyVariable, dir);
            var expected = anchor.From(parse);
            var copy = parse.GetValue(worm);
            var output = parse.InvocationConfiguration.Output;
            var to = ReportTo.For(parse.GetValue(json), services.Terminal);
            if (to.IsPlain)
            {
                return paths.Select(p => Run(p, key, expected, copy, output)).Max();
            }

            // Every log is verified before anything is shown, so a missing one leaves standard output empty.
            var report = new AuditVerifyReport(true, paths.Select(p => Verify(p, key, expected, copy)).ToList());
            report = report with { Intact = report.Logs.All(l => l.Intact) };
            if (to.Terminal is { } terminal)
            {
                AuditTable.Render(report, output, terminal);
            }
            else
            {
                JsonOutput.Write(output, report, c => c.AuditVerifyReport);
            }

            return report.Intact ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return new Command("audit", "The deploy audit log.") { verify };
    }

    private static IReadOnlyList<string> Paths(string? stack, string? log, string? projectDir)
    {
        if (log is not null)
        {
            return stack is null ? [Path.GetFullPath(log)] : throw new UsageException("give --stack or --audit-log, not both");
        }

        var dir = ProjectDirectory.Resolve(projectDir);
        if (stack is not null && (!StackNames.TryParse(stack, out var environment) || !EnvironmentProfiles.For(environment).RequiresReleaseManifest))
        {
            throw new UsageException($"stack '{stack}' has no deploy audit log; expected 'staging' or 'prod'");
        }

        return (stack is null ? AuditLogAccess.GatedStacks : [stack]).Select(s => AuditLogAccess.PathFor(dir, s)).Distinct(StringComparer.Ordinal).ToList();
    }

    private static int Run(string path, ECDsa key, AuditHead? expected, string? wormCopy, TextWriter output)
    {
        var (verification, problems) = Check(path, key, expected, wormCopy);
        foreach (var problem in problems)
        {
            output.WriteLine("TAMPERED  " + problem);
        }

        output.WriteLine(problems.Count == 0
            ? $"audit log intact: {verification.Head.Count} entries, head {verification.Head.LastHash}"
            : $"audit log {Path.GetFileName(path)} FAILED verification: {problems.Count} problem(s)");
        return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Findings;
    }

    private static AuditLogReport Verify(string path, ECDsa key, AuditHead? expected, string? wormCopy)
    {
        var (verification, problems) = Check(path, key, expected, wormCopy);
        return new AuditLogReport(Path.GetFileName(path), problems.Count == 0, verification.Head.Count, verification.Head.LastHash, problems);
    }

    private static (AuditVerification Verification, List<string> Problems) Check(string path, ECDsa key, AuditHead? expected, string? wormCopy)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"no deploy audit log at '{path}'; pass --audit-log, or --stack for the log a stack's settings name");
        }

        var verification = new DeployAuditLog(path, TimeProvider.System, key).Verify(expected);
        var problems = verification.Problems.ToList();
        if (wormCopy is not null)
        {
            if (!File.Exists(wormCopy))
            {
                throw new UsageException($"--worm-copy '{wormCopy}' does not exist; download it from the release store first (scripts/release/store.sh pull-audit)");
            }

            problems.AddRange(WormCopyCheck.Problems(verification, new DeployAuditLog(wormCopy, TimeProvider.System, key).Verify(withHeadFile: false), Path.GetFileName(wormCopy)));
        }

        return (verification, problems);
    }
}
