using System.CommandLine;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.Cli.Commands;

/// <summary><c>kora gate check --evidence FILE [--rc-manifest FILE]</c>: judges a promotion without changing anything.</summary>
public static class GateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var evidence = new Option<string>("--evidence") { Description = "The promotion evidence (JSON) the pipeline gathered; its 'gate' names the gate.", Required = true };
        var rcManifest = new Option<string?>("--rc-manifest") { Description = "deploy-prod only: the approved RC's signed manifest (DSSE envelope)." };
        var keyFile = new Option<string?>("--key-file") { Description = $"PEM public key that verifies release manifests (default: ${ReleaseSigningKey.VerificationKeyVariable})." };
        var check = new Command("check", "Evaluate a promotion gate; every failed condition is named with the evidence that is missing.")
        {
            evidence,
            rcManifest,
            keyFile,
        };
        check.SetAction(parse => Run(parse.GetValue(evidence)!, parse.GetValue(rcManifest), parse.GetValue(keyFile), parse.InvocationConfiguration.Output));
        return new Command("gate", "Promotion gates of the release plan (deploy-staging, promote-rc, deploy-prod).") { check };
    }

    private static int Run(string evidencePath, string? rcManifest, string? keyFile, TextWriter output)
    {
        var evidence = GateInputs.Evidence(evidencePath);
        var approvedRc = GateInputs.ApprovedRc(evidence, rcManifest, () => ReleaseFiles.LoadKey(keyFile, ReleaseSigningKey.VerificationKeyVariable, Directory.GetCurrentDirectory()));
        var report = Gatekeeper.Evaluate(evidence, approvedRc);
        GatePrinter.Print(report, output);
        return report.Passed ? ExitCodes.Ok : ExitCodes.Findings;
    }
}
