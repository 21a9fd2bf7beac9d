using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Gates;

/// <summary>
/// Everything the pipeline gathered for one promotion: where it comes from, what it runs, who
/// approved it, and the evidence. The gates judge it; <c>kora promote</c> turns an admitted one
/// into the signed <see cref="ReleaseManifest"/>.
/// </summary>
public sealed record PromotionEvidence
{
    /// <summary>The gate being passed.</summary>
    public required PromotionGate Gate { get; init; }

    /// <summary>The git ref the pipeline runs for: <c>refs/heads/main</c>, <c>refs/tags/v1.4.0-rc.1</c>, <c>refs/tags/v1.4.0</c>.</summary>
    public required string Ref { get; init; }

    /// <summary>The commit built (40 hex).</summary>
    public required string Commit { get; init; }

    /// <summary>The release version (from the tag), when there is one.</summary>
    public ReleaseVersion? Version { get; init; }

    /// <summary>For a GA release: the RC it promotes.</summary>
    public ReleaseVersion? SourceRc { get; init; }

    /// <summary>Every image to deploy, by digest.</summary>
    public required IReadOnlyList<ImageReference> Images { get; init; }

    /// <summary>Sign-offs collected (protected-environment reviews, go/no-go record).</summary>
    public required IReadOnlyList<Approval> Approvals { get; init; }

    /// <summary>CI reports and test approvals.</summary>
    public required IReadOnlyList<EvidenceLink> Evidence { get; init; }

    /// <summary>The RC scorecard, when there is one.</summary>
    public Scorecard? Scorecard { get; init; }

    /// <summary>The RTM P0 status, when there is one.</summary>
    public RtmP0Status? RtmP0 { get; init; }

    /// <summary>Critical findings still open (from the security review tracker).</summary>
    public required IReadOnlyList<string> OpenCriticalFindings { get; init; }

    /// <summary>Compromised credentials not yet proven replaced (from the secrets capability).</summary>
    public IReadOnlyList<PendingCompromisedCredential> PendingCompromisedCredentials { get; init; } = [];

    /// <summary>The SBOMs <c>kora release sbom</c> bound and stored, signed into the manifest when the gate admits the release.</summary>
    public IReadOnlyList<Sbom.SbomReference>? Sboms { get; init; }

    /// <summary><c>sha256:&lt;hex&gt;</c> of the saved <c>pulumi preview</c> plan, when the pipeline saved one.</summary>
    public string? PlanHash { get; init; }
}
