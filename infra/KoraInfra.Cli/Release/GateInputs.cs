using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Sbom;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Verification.FaultInjection;

namespace KoraInfra.Cli.Release;

/// <summary>Reads what a gate judges: the evidence file, the approved RC's signed manifest for prod, and the gate's context.</summary>
internal static class GateInputs
{
    public static PromotionEvidence Evidence(string path) => ReleaseFiles.ReadDocument<PromotionEvidence>(path, "evidence file");

    /// <summary>
    /// The gate an unreadable evidence file names, when its <c>gate</c> field can still be read:
    /// so the refusal lands in the log of the stack it was aimed at.
    /// </summary>
    public static PromotionGate? GateNamedIn(string path)
    {
        try
        {
            var name = JsonNode.Parse(File.ReadAllText(path))?["gate"]?.GetValue<string>();
            return name is not null && PromotionGates.ByName.TryGetValue(name, out var gate) ? gate : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IOException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Verifies the RC manifest for the prod gate; null when none was given (the gate then names it as missing).</summary>
    public static ManifestVerification? ApprovedRc(PromotionEvidence evidence, string? rcManifest, Func<ECDsa> verificationKey, Func<string, byte[]?> storeReader)
    {
        if (rcManifest is null)
        {
            return null;
        }

        if (evidence.Gate != PromotionGate.DeployProd)
        {
            throw new UsageException($"--rc-manifest is only for the 'deploy-prod' gate; the evidence is for '{PromotionGates.NameOf(evidence.Gate)}'");
        }

        var envelope = ReleaseFiles.ReadText(rcManifest, "RC manifest");
        using var key = verificationKey();
        var verification = ReleaseManifestVerifier.Verify(envelope, key, "staging");

        // The RC's SBOMs are part of what was approved: a stored one changed since is a refusal of the RC.
        var changed = verification.Manifest is { Sboms: { Count: > 0 } sboms } ? SbomEvidence.FileProblems(sboms, storeReader) : [];
        return changed.Count == 0 ? verification : ManifestVerification.Refused(string.Join("; ", changed));
    }

    /// <summary>
    /// The context of a gate: the verified history, the promoter, the clock, the stack's window, and
    /// the secrets record, whose reports only the history's rotation records clear.
    /// </summary>
    public static GateContext Context(ReleaseLedger history, string promoter, TimeProvider time, TimeSpan window, string projectDir) =>
        new(history, promoter, time.GetUtcNow(), window, new AuditedCompromisedCredentials(projectDir, time, history.Entries))
        {
            ReadReleaseStore = ReleaseFiles.StoreReader(projectDir),
        };

    /// <summary>
    /// The fault-injection experiments staging's plans allow, from Pulumi.staging.yaml: the RC gate
    /// wants a passing record of each. Null when the file is missing or invalid, which fails that
    /// condition instead of requiring nothing.
    /// </summary>
    public static IReadOnlyList<string>? StagingFaultExperiments(string projectDir)
    {
        var file = Path.Combine(projectDir, StackFiles.FileName("staging"));
        return File.Exists(file) && StackFiles.Validate(file).Settings is { } settings
            ? FaultExperiments.RunnableIn(settings).Select(FaultExperimentNames.Of).ToList()
            : null;
    }
}
