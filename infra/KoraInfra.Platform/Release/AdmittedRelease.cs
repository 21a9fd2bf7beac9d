using System.Globalization;
using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release;

/// <summary>
/// A release manifest that verified for the stack being deployed, with the facts the program
/// registers as outputs of the <c>kora:release:ReleaseManifest</c> resource (so the policy pack,
/// stack exports and reviewers can see what was admitted).
/// </summary>
/// <param name="Manifest">The verified manifest.</param>
/// <param name="ManifestPath">Where the signed manifest was read from (relative to the project).</param>
/// <param name="EnvelopeSha256"><c>sha256:&lt;hex&gt;</c> of the signed envelope file.</param>
public sealed record AdmittedRelease(ReleaseManifest Manifest, string ManifestPath, string EnvelopeSha256)
{
    /// <summary>The Pulumi type token of the resource that records the admitted manifest.</summary>
    public const string ResourceType = "kora:release:ReleaseManifest";

    /// <summary>The manifest's version, or empty for an untagged staging build.</summary>
    public string Version => Manifest.Version?.ToString() ?? string.Empty;

    /// <summary>The images, as <c>name@sha256:hex</c>.</summary>
    public IReadOnlyList<string> Images => Manifest.Images.Select(i => i.ToString()).ToList();

    /// <summary>Approvals as <c>role:who@time</c>.</summary>
    public IReadOnlyList<string> Approvals => Manifest.Approvals
        .Select(a => $"{Gates.ConditionChecksNames.Role(a.Role)}:{a.Who}@{a.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}")
        .ToList();

    /// <summary>The gate that admitted it, by name.</summary>
    public string Gate => PromotionGates.NameOf(Manifest.Gate);
}
