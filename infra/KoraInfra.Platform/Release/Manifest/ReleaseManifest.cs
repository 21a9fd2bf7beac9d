namespace KoraInfra.Platform.Release.Manifest;

/// <summary>
/// The record of one promotion into a gated stack: what runs (commit, images by digest), which
/// gate admitted it, who approved it and on what evidence. It is signed by the pipeline
/// (<see cref="Signing.ReleaseManifestSigner"/>) and verified before the program declares a
/// single resource of staging or prod.
/// </summary>
public sealed record ReleaseManifest
{
    /// <summary>The stack this manifest may be deployed to (<c>staging</c> or <c>prod</c>).</summary>
    public required string Stack { get; init; }

    /// <summary>The gate that admitted the release.</summary>
    public required PromotionGate Gate { get; init; }

    /// <summary>The release version; none for a staging deploy of a main build, which no tag names yet.</summary>
    public ReleaseVersion? Version { get; init; }

    /// <summary>For a GA release: the approved RC it promotes.</summary>
    public ReleaseVersion? SourceRc { get; init; }

    /// <summary>The commit the artifacts were built from (40 hex): one immutable artifact per commit SHA.</summary>
    public required string Commit { get; init; }

    /// <summary>Every image the release runs, by digest.</summary>
    public required IReadOnlyList<ImageReference> Images { get; init; }

    /// <summary>Sign-offs by role, with who and when.</summary>
    public required IReadOnlyList<Approval> Approvals { get; init; }

    /// <summary>The RC scorecard, when the gate asks for one.</summary>
    public Scorecard? Scorecard { get; init; }

    /// <summary>The RTM P0 status, when the gate asks for one.</summary>
    public RtmP0Status? RtmP0 { get; init; }

    /// <summary>Evidence links (CI reports, load/soak/fault injection, runbook evidence tied to the RC).</summary>
    public required IReadOnlyList<EvidenceLink> Evidence { get; init; }

    /// <summary>Critical findings still open; a gated release carries none.</summary>
    public required IReadOnlyList<string> OpenCriticalFindings { get; init; }

    /// <summary>
    /// <c>sha256:&lt;hex&gt;</c> of the plan file saved by <c>pulumi preview --save-plan</c>, so
    /// <c>pulumi up --plan</c> applies exactly what was approved.
    /// </summary>
    public string? PlanHash { get; init; }

    /// <summary>
    /// The CycloneDX SBOMs of the release's artifacts (kora, the kora-tools image), each bound by
    /// its file's digest to the artifact's digest; none for a manifest issued without them.
    /// </summary>
    public IReadOnlyList<Sbom.SbomReference>? Sboms { get; init; }

    /// <summary>When the pipeline issued the manifest.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>A short name for messages: the version, or the commit for an untagged staging build.</summary>
    public string Label => Version?.ToString() ?? "main@" + Commit[..Math.Min(12, Commit.Length)];
}
