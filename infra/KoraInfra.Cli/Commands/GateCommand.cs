using System.CommandLine;
using KoraInfra.Cli.Commands.Verification;
using KoraInfra.Cli.Output;
using KoraInfra.Cli.Output.Reports;
using KoraInfra.Cli.Output.Tables;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.Cli.Commands;

/// <summary>
/// <c>kora gate check --evidence FILE [--rc-manifest FILE]</c>: judges a promotion as
/// <c>kora promote</c> would (same history, clock, window and secrets record) without changing anything.
/// </summary>
public static class GateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var evidence = new Option<string>("--evidence") { Description = "The promotion evidence (JSON) the pipeline gathered; its 'gate' names the gate.", Required = true };
        var rcManifest = new Option<string?>("--rc-manifest") { Description = "deploy-prod only: the approved RC's signed manifest (DSSE envelope)." };
        var keyFile = new Option<string?>("--key-file") { Description = $"PEM public key that verifies release manifests and the audit log (default: ${ReleaseSigningKey.VerificationKeyVariable})." };
        var who = new Option<string?>("--who") { Description = "Who will promote (never counted as an approver)." };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml (default: found from the working directory)." };
        var records = RecordsOption();
        var anchor = new AnchorOptions();
        var json = JsonOption.Create();
        var check = new Command("check", "Evaluate a promotion gate; every failed condition is named with the evidence that is missing.")
        {
            evidence,
            rcManifest,
            keyFile,
            who,
            projectDir,
            records,
            json,
        };
        anchor.AddTo(check);
        check.SetAction(parse => Run(
            parse.GetValue(evidence)!,
            parse.GetValue(rcManifest),
            parse.GetValue(records),
            parse.GetValue(keyFile),
            parse.GetValue(who) ?? string.Empty,
            anchor.From(parse),
            ProjectDirectory.Resolve(parse.GetValue(projectDir)),
            services.Time,
            ReportTo.For(parse.GetValue(json), services.Terminal),
            parse.InvocationConfiguration.Output));
        return new Command("gate", "Promotion gates of the release plan (deploy-staging, promote-rc, deploy-prod).") { check };
    }

    /// <summary>The <c>--records</c> option <c>gate check</c> and <c>promote</c> share.</summary>
    internal static Option<string?> RecordsOption() => new("--records")
    {
        Description = "promote-rc / deploy-prod: the folder of signed evidence records (default: the release store layout's releases/staging/evidence/<RC>/).",
    };

    private static int Run(string evidencePath, string? rcManifest, string? recordsDir, string? keyFile, string who, AuditHead? anchor, string projectDir, TimeProvider time, ReportTo to, TextWriter output)
    {
        var evidence = GateInputs.Evidence(evidencePath);
        var stack = PromotionGates.TargetStack(evidence.Gate);
        var settings = AuditLogAccess.Settings(projectDir, stack);
        var logPath = ReleaseFiles.Full(projectDir, settings.AuditLog);
        var history = ReleaseLedger.Empty;
        if (File.Exists(logPath) && new FileInfo(logPath).Length > 0)
        {
            using var key = ReleaseFiles.LoadKey(keyFile, ReleaseSigningKey.VerificationKeyVariable, projectDir);
            var verification = AuditLogAccess.Verify(AuditLogAccess.Open(logPath, time, key), anchor);
            if (!verification.IsIntact)
            {
                if (!to.IsPlain)
                {
                    Show(new GateCheckReport(PromotionGates.NameOf(evidence.Gate), false, [], [], verification.Problems.ToList()), to, output);
                    return ExitCodes.Findings;
                }

                output.WriteLine($"the deploy audit log {settings.AuditLog} failed verification, so no gate can read its history:");
                verification.Problems.ToList().ForEach(p => output.WriteLine("  " + p));
                return ExitCodes.Findings;
            }

            history = ReleaseLedger.From(verification);
        }

        var approvedRc = GateInputs.ApprovedRc(evidence, rcManifest, () => ReleaseFiles.LoadKey(keyFile, ReleaseSigningKey.VerificationKeyVariable, projectDir), ReleaseFiles.StoreReader(projectDir));
        var records = EvidenceFiles.Offered(recordsDir, evidence, projectDir, () => ReleaseFiles.LoadKey(keyFile, ReleaseSigningKey.VerificationKeyVariable, projectDir));
        var context = GateInputs.Context(history, who, time, settings.ApprovalWindow, projectDir) with { Records = records, FaultExperiments = GateInputs.StagingFaultExperiments(projectDir) };
        var report = Gatekeeper.Evaluate(evidence, approvedRc, context);
        if (to.IsPlain)
        {
            GatePrinter.Print(report, output);
        }
        else
        {
            Show(new GateCheckReport(
                PromotionGates.NameOf(report.Gate),
                report.Passed,
                report.Conditions.Select(c => new GateConditionReport(c.Id, c.Requirement, c.Met, c.Met ? null : c.Missing)).ToList(),
                report.Failures.Select(f => f.Id).ToList(),
                []), to, output);
        }

        return report.Passed ? ExitCodes.Ok : ExitCodes.Findings;
    }

    private static void Show(GateCheckReport report, ReportTo to, TextWriter output)
    {
        if (to.Terminal is { } terminal)
        {
            GateTable.Render(report, output, terminal);
        }
        else
        {
            JsonOutput.Write(output, report, c => c.GateCheckReport);
        }
    }
}
