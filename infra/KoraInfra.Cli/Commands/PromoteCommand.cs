using System.CommandLine;
using System.Security.Cryptography;
using KoraInfra.Cli.Commands.Verification;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.Cli.Commands;

/// <summary>
/// <c>kora promote --evidence FILE --who NAME</c>: evaluates the gate against the evidence and the
/// verified history of the log the target stack's settings name; if it passes, signs the release
/// manifest, points the stack's <c>kora-infra:release</c> at it and appends the deploy audit log.
/// A refusal, or evidence no gate can read, is audited too, and changes nothing else.
/// </summary>
public static class PromoteCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var time = services.Time;
        var evidence = new Option<string>("--evidence") { Description = "The promotion evidence (JSON); its 'gate' names the gate and so the stack.", Required = true };
        var who = new Option<string>("--who") { Description = "Who promotes (the pipeline actor), recorded in the audit log and never counted as an approver.", Required = true };
        var rcManifest = new Option<string?>("--rc-manifest") { Description = "deploy-prod only: the approved RC's signed manifest." };
        var keyFile = new Option<string?>("--key-file") { Description = $"PEM private key that signs manifests and audit entries, outside the repository (default: ${ReleaseSigningKey.SigningKeyVariable})." };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml (default: found from the working directory)." };
        var records = GateCommand.RecordsOption();
        var anchor = new AnchorOptions();
        var command = new Command("promote", "Evaluate a gate and, if it passes, sign the release manifest, set the stack's release and append the audit log.")
        {
            evidence,
            who,
            rcManifest,
            keyFile,
            projectDir,
            records,
        };
        anchor.AddTo(command);
        command.SetAction(parse =>
        {
            var dir = ProjectDirectory.Resolve(parse.GetValue(projectDir));
            return Run(new Request(parse.GetValue(evidence)!, parse.GetValue(who)!, parse.GetValue(rcManifest), parse.GetValue(keyFile), anchor.From(parse), dir) { Records = parse.GetValue(records) }, time, parse.InvocationConfiguration.Output);
        });
        return command;
    }

    private static int Run(Request request, TimeProvider time, TextWriter output)
    {
        if (string.IsNullOrWhiteSpace(request.Who))
        {
            throw new UsageException("--who is empty; expected who promotes (the pipeline actor)");
        }

        using var signingKey = ReleaseFiles.LoadKey(request.KeyFile, ReleaseSigningKey.SigningKeyVariable, request.ProjectDir);
        PromotionEvidence evidence;
        try
        {
            evidence = GateInputs.Evidence(request.EvidencePath);
        }
        catch (UsageException ex) when (File.Exists(request.EvidencePath))
        {
            RecordUnreadable(request, ex.Message, signingKey, time, output);
            throw;
        }

        var stack = PromotionGates.TargetStack(evidence.Gate);
        var settings = AuditLogAccess.Settings(request.ProjectDir, stack);
        var logPath = ReleaseFiles.Full(request.ProjectDir, settings.AuditLog);
        var log = AuditLogAccess.Open(logPath, time, signingKey);
        var intact = AuditLogAccess.Verify(log, request.Anchor);
        if (!intact.IsIntact)
        {
            output.WriteLine($"refused: the deploy audit log {settings.AuditLog} failed verification; nothing was promoted or appended:");
            intact.Problems.ToList().ForEach(p => output.WriteLine("  " + p));
            return ExitCodes.Findings;
        }

        // The RC manifest was signed by this same pipeline key; its public half verifies it.
        var approvedRc = GateInputs.ApprovedRc(evidence, request.RcManifest, () => ECDsa.Create(signingKey.ExportParameters(false)), ReleaseFiles.StoreReader(request.ProjectDir));
        var offered = EvidenceFiles.Offered(request.Records, evidence, request.ProjectDir, () => ECDsa.Create(signingKey.ExportParameters(false)));
        var context = GateInputs.Context(ReleaseLedger.From(intact), request.Who, time, settings.ApprovalWindow, request.ProjectDir) with { Records = offered, FaultExperiments = GateInputs.StagingFaultExperiments(request.ProjectDir) };
        var report = Gatekeeper.Evaluate(evidence, approvedRc, context);
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

        // The gate read from the verified history that this version is unclaimed: a file already
        // under its name was never promoted, so it is a squat, and the real promotion replaces it.
        var squatted = File.Exists(full);
        var (stackFile, stackText) = StackFileUpdate.WithRelease(request.ProjectDir, manifest.Stack, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, envelope);
        File.WriteAllText(stackFile, stackText);
        var entry = log.Append(AuditDrafts.Promotion(evidence, report, request.Who, relative, ReleaseFiles.Sha256Of(envelope)));
        if (squatted)
        {
            output.WriteLine($"note: '{relative}' existed but no audit entry promoted it; it was replaced by the signed manifest");
        }

        output.WriteLine($"promoted {manifest.Label} to {manifest.Stack}: signed manifest {relative}; kora-infra:release set in {Path.GetFileName(stackFile)}; audit entry {entry.Sequence} ({entry.Hash})");
        return ExitCodes.Ok;
    }

    private static void RecordUnreadable(Request request, string reason, ECDsa signingKey, TimeProvider time, TextWriter output)
    {
        // Aimed at a stack when the evidence still names its gate; otherwise at every gated stack's log.
        var gate = GateInputs.GateNamedIn(request.EvidencePath);
        var stacks = gate is { } g ? [PromotionGates.TargetStack(g)] : AuditLogAccess.GatedStacks;
        foreach (var group in stacks.GroupBy(s => AuditLogAccess.PathFor(request.ProjectDir, s), StringComparer.Ordinal))
        {
            var log = AuditLogAccess.Open(group.Key, time, signingKey);
            if (!AuditLogAccess.Verify(log, request.Anchor).IsIntact)
            {
                output.WriteLine($"the deploy audit log {group.Key} failed verification, so the refusal could not be recorded there");
                continue;
            }

            var entry = log.Append(AuditDrafts.Unreadable(group.First(), gate, request.Who, reason));
            output.WriteLine($"refused: the evidence cannot be read; audit entry {entry.Sequence} records the attempt");
        }
    }

    private sealed record Request(string EvidencePath, string Who, string? RcManifest, string? KeyFile, AuditHead? Anchor, string ProjectDir)
    {
        public string? Records { get; init; }
    }
}
