using System.Security.Cryptography;
using KoraInfra.Platform.Input;
using KoraInfra.Platform.Policy.Snapshots;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Sbom;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Fuzz;

/// <summary>
/// One harness per reader of untrusted input. Each hands the reader arbitrary bytes and lets only
/// that reader's documented refusal pass; any other exception, a hang or a crash is a finding.
/// </summary>
internal static class Harnesses
{
    /// <summary>The harnesses by name, as scripts/fuzz and the corpus directories name them.</summary>
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["stack-file"] = StackFile,
        ["pulumi-config"] = PulumiConfig,
        ["snapshot"] = Snapshot,
        ["release-document"] = ReleaseDocument,
        ["audit-log"] = AuditLog,
        ["signed-manifest"] = SignedManifest,
        ["sbom"] = Sbom,
        ["k6-summary"] = K6SummaryFile,
    };

    // A k6 summary as kora evidence from-k6 reads it: its refusal is the only accepted exception.
    private static void K6SummaryFile(byte[] input)
    {
        if (Text(input) is not { } text)
        {
            return;
        }

        try
        {
            KoraInfra.Platform.Verification.Load.K6Summary.Read(text, "summary.json");
        }
        catch (InputRefusedException)
        {
        }
    }

    // A key made for this run: the harness proves the verifier refuses cleanly, not that a signature holds.
    private static readonly ECDsa TrustedKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    // A stack file is read and bound exactly as kora validate does; problems are its refusals.
    private static void StackFile(byte[] input) =>
        StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.dev.yaml", input));

    // PULUMI_CONFIG as the engine would hand it: the bytes as the variable's text.
    private static void PulumiConfig(byte[] input)
    {
        if (Text(input) is { } text)
        {
            StackSettingsBinder.Bind(PulumiConfigReader.Read("dev", text, "[\"kora-infra:kubeconfig\"]"));
        }
    }

    private static void Snapshot(byte[] input)
    {
        if (Text(input) is not { } text)
        {
            return;
        }

        try
        {
            SnapshotReader.Read(text, "fuzz.json");
        }
        catch (PolicyInputException)
        {
        }
    }

    // An SBOM's bytes as kora release sbom binds them: read, then judged against a subject. The
    // subject is made here, not in a static field: instrumented code must not run before the fuzzer starts.
    private static void Sbom(byte[] input)
    {
        try
        {
            SbomBinding.Bind(input, "fuzz.cdx.json", new ImageReference(SbomReference.KoraTool, "sha256:" + new string('e', 64)));
        }
        catch (ReleaseDocumentException)
        {
        }
    }

    private static void ReleaseDocument(byte[] input)
    {
        if (Text(input) is not { } text)
        {
            return;
        }

        foreach (var read in new Action[]
        {
            () => ReleaseJson.Read<PromotionEvidence>(text, "evidence"),
            () => ReleaseJson.Read<ReleaseManifest>(text, "manifest"),
            () => ReleaseJson.Read<DsseEnvelope>(text, "envelope"),
            () => ReleaseJson.Read<AuditHead>(text, "head"),
        })
        {
            try
            {
                read();
            }
            catch (ReleaseDocumentException)
            {
            }
        }
    }

    // The verifier's refusals are its result, not exceptions.
    private static void SignedManifest(byte[] input)
    {
        if (Text(input) is { } text)
        {
            ReleaseManifestVerifier.Verify(text, TrustedKey, "prod");
        }
    }

    private static void AuditLog(byte[] input)
    {
        var dir = Path.Combine(Path.GetTempPath(), "kora-fuzz-audit-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "deploy-audit.jsonl");
        File.WriteAllBytes(path, input);
        try
        {
            new DeployAuditLog(path, TimeProvider.System, TrustedKey).Verify();
        }
        catch (InputRefusedException)
        {
        }
    }

    // Strict UTF-8, as the file readers decode; bytes that are not UTF-8 are refused there, not here.
    private static string? Text(byte[] input)
    {
        try
        {
            return BoundedInput.Decode(input, "fuzz");
        }
        catch (InputRefusedException)
        {
            return null;
        }
    }
}
