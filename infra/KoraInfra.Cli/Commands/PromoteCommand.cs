using System.CommandLine;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.Cli.Commands;

/// <summary>
/// <c>kora promote --evidence FILE --who NAME</c>: evaluates the gate; if it passes, signs the
/// release manifest, points the stack's <c>kora-infra:release</c> at it and appends the deploy
/// audit log. A refusal is audited too, and changes nothing else.
/// </summary>
public static class PromoteCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var time = services.Time;
        var evidence = new Option<string>("--evidence") { Description = "The promotion evidence (JSON); its 'gate' names the gate and so the stack.", Required = true };
        var who = new Option<string>("--who") { Description = "Who promotes (the pipeline actor), recorded in the audit log.", Required = true };
        var rcManifest = new Option<string?>("--rc-manifest") { Description = "deploy-prod only: the approved RC's signed manifest." };
        var keyFile = new Option<string?>("--key-file") { Description = $"PEM private key that signs manifests, outside the repository (default: ${ReleaseSigningKey.SigningKeyVariable})." };
        var log = new Option<string?>("--audit-log") { Description = $"The deploy audit log (default: {ReleaseFiles.DefaultAuditLog} in the project)." };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml (default: found from the working directory)." };
        var command = new Command("promote", "Evaluate a gate and, if it passes, sign the release manifest, set the stack's release and append the audit log.")
        {
            evidence,
            who,
            rcManifest,
            keyFile,
            log,
            projectDir,
        };
        command.SetAction(parse =>
        {
            var dir = ProjectDirectory.Resolve(parse.GetValue(projectDir));
            return Run(new Request(parse.GetValue(evidence)!, parse.GetValue(who)!, parse.GetValue(rcManifest), parse.GetValue(keyFile), ReleaseFiles.AuditLogPath(dir, parse.GetValue(log)), dir), time, parse.InvocationConfiguration.Output);
        });
        return command;
    }

    private static int Run(Request request, TimeProvider time, TextWriter output)
    {
        if (string.IsNullOrWhiteSpace(request.Who))
        {
            throw new UsageException("--who is empty; expected who promotes (the pipeline actor)");
        }

        var evidence = GateInputs.Evidence(request.EvidencePath);
        using var signingKey = ReleaseFiles.LoadKey(request.KeyFile, ReleaseSigningKey.SigningKeyVariable, request.ProjectDir);
        var log = new DeployAuditLog(request.AuditLog, time);
        var intact = log.Verify();
        if (!intact.IsIntact)
        {
            output.WriteLine($"refused: the deploy audit log {request.AuditLog} failed verification; nothing was promoted or appended:");
            intact.Problems.ToList().ForEach(p => output.WriteLine("  " + p));
            return ExitCodes.Findings;
        }

        // The RC manifest was signed by this same pipeline key; its public half verifies it.
        var approvedRc = GateInputs.ApprovedRc(evidence, request.RcManifest, () => System.Security.Cryptography.ECDsa.Create(signingKey.ExportParameters(false)));
        var report = Gatekeeper.Evaluate(evidence, approvedRc);
        GatePrinter.Print(report, output);
        if (!report.Passed)
        {
            var refused = log.Append(AuditDrafts.Promotion(evidence, report, request.Who, null, null));
            output.WriteLine($"refused: nothing was promoted; audit entry {refused.Sequence} records the refusal");
            return ExitCodes.Findings;
        }

        var manifest = Gatekeeper.ManifestFor(evidence, report, time.GetUtcNow());
        var envelope = ReleaseManifestSigner.Sign(manifest, signingKey);
        var relative = ReleaseFiles.ManifestPath(manifest);
        var full = ReleaseFiles.Full(request.ProjectDir, relative);
        if (File.Exists(full))
        {
            throw new UsageException($"'{relative}' already exists: {manifest.Label} was promoted to {manifest.Stack} before; a release is promoted once (roll back with 'kora rollback', or tag a new release)");
        }

        var (stackFile, stackText) = StackFileUpdate.WithRelease(request.ProjectDir, manifest.Stack, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, envelope);
        File.WriteAllText(stackFile, stackText);
        var entry = log.Append(AuditDrafts.Promotion(evidence, report, request.Who, relative, ReleaseFiles.Sha256Of(envelope)));
        output.WriteLine($"promoted {manifest.Label} to {manifest.Stack}: signed manifest {relative}; kora-infra:release set in {Path.GetFileName(stackFile)}; audit entry {entry.Sequence} ({entry.Hash})");
        return ExitCodes.Ok;
    }

    private sealed record Request(string EvidencePath, string Who, string? RcManifest, string? KeyFile, string AuditLog, string ProjectDir);
}
