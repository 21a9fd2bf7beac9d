using KoraInfra.Platform.Release;
using Pulumi;

namespace KoraInfra.Components.Release;

/// <summary>
/// The admitted manifest's facts as the component's inputs: registered with the resource, so the
/// policy pack (which sees a resource's inputs) and <c>pulumi stack export</c> can check them.
/// </summary>
public sealed class ReleaseManifestRecordArgs : ResourceArgs
{
    /// <summary>The stack the manifest admits into.</summary>
    [Input("stack", required: true)]
    public Input<string> Stack { get; set; } = null!;

    /// <summary>
    /// True: only a manifest whose signature verified for this stack is ever registered (the
    /// policy pack's KORA-001 requires it).
    /// </summary>
    [Input("verified", required: true)]
    public Input<bool> Verified { get; set; } = null!;

    /// <summary>The gate that admitted it (<c>deploy-staging</c>, <c>promote-rc</c>, <c>deploy-prod</c>).</summary>
    [Input("gate", required: true)]
    public Input<string> Gate { get; set; } = null!;

    /// <summary>The release version; empty for an untagged staging build.</summary>
    [Input("version")]
    public Input<string>? Version { get; set; }

    /// <summary>For GA: the RC it promotes.</summary>
    [Input("sourceRc")]
    public Input<string>? SourceRc { get; set; }

    /// <summary>The commit built.</summary>
    [Input("commit", required: true)]
    public Input<string> Commit { get; set; } = null!;

    /// <summary>Images by digest.</summary>
    [Input("images")]
    public InputList<string> Images { get; set; } = new();

    /// <summary>Approvals as <c>role:who@time</c>.</summary>
    [Input("approvals")]
    public InputList<string> Approvals { get; set; } = new();

    /// <summary>Whether the RC scorecard passed (false when the gate asks for none).</summary>
    [Input("scorecardPassed")]
    public Input<bool>? ScorecardPassed { get; set; }

    /// <summary>Whether the RTM P0 is complete (false when the gate asks for none).</summary>
    [Input("rtmP0Complete")]
    public Input<bool>? RtmP0Complete { get; set; }

    /// <summary>Open critical findings (must be none).</summary>
    [Input("openCriticalFindings")]
    public InputList<string> OpenCriticalFindings { get; set; } = new();

    /// <summary>The approved plan's hash, when bound.</summary>
    [Input("planHash")]
    public Input<string>? PlanHash { get; set; }

    /// <summary>Where the signed manifest was read from.</summary>
    [Input("manifestPath", required: true)]
    public Input<string> ManifestPath { get; set; } = null!;

    /// <summary><c>sha256:&lt;hex&gt;</c> of the signed envelope.</summary>
    [Input("envelopeSha256", required: true)]
    public Input<string> EnvelopeSha256 { get; set; } = null!;

    /// <summary>The args for a release Platform admitted.</summary>
    public static ReleaseManifestRecordArgs From(AdmittedRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var manifest = release.Manifest;
        return new ReleaseManifestRecordArgs
        {
            Stack = manifest.Stack,
            Verified = true,
            Gate = release.Gate,
            Version = release.Version,
            SourceRc = manifest.SourceRc?.ToString() ?? string.Empty,
            Commit = manifest.Commit,
            ScorecardPassed = manifest.Scorecard?.Passed ?? false,
            RtmP0Complete = manifest.RtmP0?.Complete ?? false,
            PlanHash = manifest.PlanHash ?? string.Empty,
            ManifestPath = release.ManifestPath,
            EnvelopeSha256 = release.EnvelopeSha256,
            Images = release.Images.ToList(),
            Approvals = release.Approvals.ToList(),
            OpenCriticalFindings = manifest.OpenCriticalFindings.ToList(),
        };
    }
}
