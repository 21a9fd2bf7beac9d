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
/// audited like a promotion, and so is a refused one.
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
        var keyFile = new Option<string?>("--key-file") { Description = $"PEM private key that signs audit entries (its public half verifies the manifests), outside the repository (default: ${ReleaseSigningKey.SigningKeyVariable})." };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml (default: found from the working directory)." };
        var anchor = new AnchorOptions();
        var command = new Command("rollback", "Promote the previous stable release manifest of a stack, audited like a promotion.")
        {
            stack,
            who,
            keyFile,
            projectDir,
        };
        anchor.AddTo(command);
        command.SetAction(parse =>
        {
            var dir = ProjectDirectory.Resolve(parse.GetValue(projectDir));
            return Run(parse.GetValue(stack)!, parse.GetValue(who)!, parse.GetValue(keyFile), anchor.From(parse), dir, time, parse.InvocationConfiguration.Output);
        });
        return command;
    }

    private static int Run(string stack, string who, string? keyFile, AuditHead? anchor, string projectDir, TimeProvider time, TextWriter output)
    {
        if (!StackNames.TryParse(stack, out var environment) || !EnvironmentProfiles.For(environment).RequiresReleaseManifest)
        {
            throw new UsageException($"cannot roll back stack '{stack}'; expected 'staging' or 'prod' (the stacks that deploy release manifests)");
        }

        if (string.IsNullOrWhiteSpace(who))
        {
            throw new UsageException("--who is empty; expected who rolls back");
        }

        using var key = ReleaseFiles.LoadKey(keyFile, ReleaseSigningKey.SigningKeyVariable, projectDir);
        var settings = AuditLogAccess.Settings(projectDir, stack);
        var log = AuditLogAccess.Open(ReleaseFiles.Full(projectDir, settings.AuditLog), time, key);
        var verification = AuditLogAccess.Verify(log, anchor);
        if (!verification.IsIntact)
        {
            output.WriteLine($"refused: the deploy audit log {settings.AuditLog} failed verification; nothing was rolled back or appended:");
            verification.Problems.ToList().ForEach(p => output.WriteLine("  " + p));
            return ExitCodes.Findings;
        }

        int Refuse(DeployAuditEntry? target, string? rollbackOf, string reason)
        {
            var entry = log.Append(AuditDrafts.RefusedRollback(stack, target, rollbackOf, who, reason));
            output.WriteLine($"refused: {reason}; nothing was rolled back; audit entry {entry.Sequence} records the refusal");
            return ExitCodes.Findings;
        }

        var deployed = ReleaseLedger.From(verification).Deployed(stack);
        if (deployed.Count < 2)
        {
            return Refuse(null, deployed.Count == 0 ? null : deployed[^1].Release, $"the audit log holds no stable release of {stack} before {(deployed.Count == 0 ? "nothing" : deployed[^1].Release)}; nothing to roll back to");
        }

        var current = deployed[^1];
        var previous = deployed[^2];
        var path = ReleaseFiles.Full(projectDir, previous.Manifest!);
        if (!File.Exists(path))
        {
            return Refuse(previous, current.Release, $"the manifest of {previous.Release} ({previous.Manifest}) is not in the checkout (fetch it from the release store)");
        }

        var envelope = File.ReadAllText(path);
        var digest = ReleaseFiles.Sha256Of(envelope);
        if (digest != previous.ManifestSha256)
        {
            return Refuse(previous, current.Release, $"{previous.Manifest} is not the file promoted in audit entry {previous.Sequence} ({digest} != {previous.ManifestSha256})");
        }

        var manifest = ReleaseManifestVerifier.Verify(envelope, key, stack);
        if (manifest.Manifest is not { } target)
        {
            return Refuse(previous, current.Release, $"the manifest of {previous.Release} no longer verifies: {manifest.Refusal}");
        }

        var (stackFile, stackText) = StackFileUpdate.WithRelease(projectDir, stack, previous.Manifest!);
        File.WriteAllText(stackFile, stackText);
        var entry = log.Append(AuditDrafts.Rollback(target, who, current.Release, previous.Manifest!, digest));
        output.WriteLine($"rolled back {stack} from {current.Release} to {target.Label}: kora-infra:release set to {previous.Manifest}; audit entry {entry.Sequence} ({entry.Hash})");
        return ExitCodes.Ok;
    }
}
