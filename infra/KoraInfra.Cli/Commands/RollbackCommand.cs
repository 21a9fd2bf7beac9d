using System.CommandLine;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.Cli.Commands;

/// <summary>
/// <c>kora rollback --stack prod --who NAME</c>: promotes the previous stable manifest of the
/// stack ("rollback imediato para versao estavel, sem bypass de gates obrigatorios"): the
/// manifest must be the very file the audit log recorded and must still verify; the rollback is
/// audited like a promotion.
/// </summary>
public static class RollbackCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var time = services.Time;
        var stack = new Option<string>("--stack") { Description = "The stack to roll back: staging or prod.", Required = true };
        var who = new Option<string>("--who") { Description = "Who rolls back, recorded in the audit log.", Required = true };
        var keyFile = new Option<string?>("--key-file") { Description = $"PEM public key that verifies release manifests (default: ${ReleaseSigningKey.VerificationKeyVariable})." };
        var log = new Option<string?>("--audit-log") { Description = $"The deploy audit log (default: {ReleaseFiles.DefaultAuditLog} in the project)." };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml (default: found from the working directory)." };
        var command = new Command("rollback", "Promote the previous stable release manifest of a stack, audited like a promotion.")
        {
            stack,
            who,
            keyFile,
            log,
            projectDir,
        };
        command.SetAction(parse =>
        {
            var dir = ProjectDirectory.Resolve(parse.GetValue(projectDir));
            return Run(parse.GetValue(stack)!, parse.GetValue(who)!, parse.GetValue(keyFile), ReleaseFiles.AuditLogPath(dir, parse.GetValue(log)), dir, time, parse.InvocationConfiguration.Output);
        });
        return command;
    }

    private static int Run(string stack, string who, string? keyFile, string auditLog, string projectDir, TimeProvider time, TextWriter output)
    {
        if (!StackNames.TryParse(stack, out var environment) || !EnvironmentProfiles.For(environment).RequiresReleaseManifest)
        {
            throw new UsageException($"cannot roll back stack '{stack}'; expected 'staging' or 'prod' (the stacks that deploy release manifests)");
        }

        if (string.IsNullOrWhiteSpace(who))
        {
            throw new UsageException("--who is empty; expected who rolls back");
        }

        var log = new DeployAuditLog(auditLog, time);
        var verification = log.Verify();
        if (!verification.IsIntact)
        {
            output.WriteLine($"refused: the deploy audit log {auditLog} failed verification; nothing was rolled back:");
            verification.Problems.ToList().ForEach(p => output.WriteLine("  " + p));
            return ExitCodes.Findings;
        }

        var deployed = ReleaseHistory.Deployed(verification.Entries, stack);
        if (deployed.Count < 2)
        {
            output.WriteLine($"refused: the audit log holds no stable release of {stack} before {(deployed.Count == 0 ? "nothing" : deployed[^1].Release)}; nothing to roll back to");
            return ExitCodes.Findings;
        }

        var current = deployed[^1];
        var previous = deployed[^2];
        var envelope = ReleaseFiles.ReadText(ReleaseFiles.Full(projectDir, previous.Manifest!), $"manifest of {previous.Release}");
        var digest = ReleaseFiles.Sha256Of(envelope);
        if (digest != previous.ManifestSha256)
        {
            output.WriteLine($"refused: {previous.Manifest} is not the file promoted in audit entry {previous.Sequence} ({digest} != {previous.ManifestSha256}); nothing was rolled back");
            return ExitCodes.Findings;
        }

        using var key = ReleaseFiles.LoadKey(keyFile, ReleaseSigningKey.VerificationKeyVariable, projectDir);
        var manifest = ReleaseManifestVerifier.Verify(envelope, key, stack);
        if (manifest.Manifest is not { } target)
        {
            output.WriteLine($"refused: the manifest of {previous.Release} no longer verifies: {manifest.Refusal}; nothing was rolled back");
            return ExitCodes.Findings;
        }

        var (stackFile, stackText) = StackFileUpdate.WithRelease(projectDir, stack, previous.Manifest!);
        File.WriteAllText(stackFile, stackText);
        var entry = log.Append(AuditDrafts.Rollback(target, who, current.Release, previous.Manifest!, digest));
        output.WriteLine($"rolled back {stack} from {current.Release} to {target.Label}: kora-infra:release set to {previous.Manifest}; audit entry {entry.Sequence} ({entry.Hash})");
        return ExitCodes.Ok;
    }
}
