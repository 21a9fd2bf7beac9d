using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Signing;

/// <summary>The outcome of verifying a signed manifest: the manifest, or why it was refused.</summary>
/// <param name="Manifest">The verified manifest, when it was accepted.</param>
/// <param name="Refusal">Why it was refused, when it was.</param>
public sealed record ManifestVerification(ReleaseManifest? Manifest, string? Refusal)
{
    /// <summary><c>sha256:&lt;hex&gt;</c> of the envelope's text, for an accepted manifest: what the audit log recorded when it was promoted.</summary>
    public string? EnvelopeSha256 { get; init; }

    /// <summary>Whether the manifest was accepted.</summary>
    public bool IsValid => Manifest is not null;

    /// <summary>An accepted manifest.</summary>
    public static ManifestVerification Accepted(ReleaseManifest manifest) => new(manifest, null);

    /// <summary>A refusal.</summary>
    public static ManifestVerification Refused(string reason) => new(null, reason);
}
