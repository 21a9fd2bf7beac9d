using System.Text.RegularExpressions;
using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Release.Manifest;

/// <summary>
/// What makes a manifest well-formed, whatever gate admitted it: the shape a verifier insists
/// on before trusting any field (the gates judge whether the evidence is enough).
/// </summary>
public static partial class ReleaseManifestRules
{
    /// <summary>Every problem with a manifest's shape; empty when it is well-formed.</summary>
    public static IReadOnlyList<string> Problems(ReleaseManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var problems = new List<string>();
        if (!StackNames.TryParse(manifest.Stack, out var environment) || !EnvironmentProfiles.For(environment).RequiresReleaseManifest)
        {
            problems.Add($"stack: found '{manifest.Stack}'; expected 'staging' or 'prod' (the stacks that deploy only from a release manifest)");
        }
        else if (PromotionGates.TargetStack(manifest.Gate) != manifest.Stack)
        {
            problems.Add($"gate: '{PromotionGates.NameOf(manifest.Gate)}' admits into {PromotionGates.TargetStack(manifest.Gate)}, not into '{manifest.Stack}'");
        }

        switch (manifest.Gate)
        {
            case PromotionGate.DeployStaging when manifest.Version is not null:
                problems.Add($"version: found '{manifest.Version}' for a staging deploy of a main build; expected none (RC versions are claimed only by 'promote-rc')");
                break;
            case PromotionGate.PromoteRc when manifest.Version is not { IsReleaseCandidate: true }:
                problems.Add($"version: found '{manifest.Version?.ToString() ?? "none"}'; expected an RC tag 'vX.Y.Z-rc.N'");
                break;
            case PromotionGate.DeployProd when manifest.Version is not { IsGeneralAvailability: true }:
                problems.Add($"version: found '{manifest.Version?.ToString() ?? "none"}'; expected a GA tag 'vX.Y.Z' (prod runs GA releases only)");
                break;
        }

        if (manifest.Gate == PromotionGate.DeployProd && manifest.SourceRc is not { IsReleaseCandidate: true })
        {
            problems.Add("sourceRc: missing; expected the RC tag 'vX.Y.Z-rc.N' this GA release promotes");
        }
        else if (manifest.Gate != PromotionGate.DeployProd && manifest.SourceRc is not null)
        {
            problems.Add("sourceRc: only a GA release promotes an RC; expected none");
        }

        if (!CommitSha().IsMatch(manifest.Commit))
        {
            problems.Add($"commit: found '{manifest.Commit}'; expected a full 40-character lowercase commit SHA");
        }

        if (manifest.Images.Count == 0)
        {
            problems.Add("images: empty; expected every image the release runs, by digest");
        }

        foreach (var duplicate in manifest.Images.GroupBy(i => i.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"images: '{duplicate.Key}' appears {duplicate.Count()} times; expected one digest per image");
        }

        foreach (var approval in manifest.Approvals.Where(a => string.IsNullOrWhiteSpace(a.Who)))
        {
            problems.Add($"approvals: a '{approval.Role}' approval names nobody; expected who approved");
        }

        var links = manifest.Evidence.Select(e => e.Url)
            .Concat(manifest.Scorecard is null ? [] : [manifest.Scorecard.Url])
            .Concat(manifest.RtmP0 is null ? [] : [manifest.RtmP0.Url]);
        foreach (var link in links.Where(l => !l.IsAbsoluteUri || l.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"evidence: '{link}' is not an absolute https link; expected where a reviewer reads the evidence");
        }

        if (manifest.PlanHash is { } plan && !PlanHash().IsMatch(plan))
        {
            problems.Add($"planHash: found '{plan}'; expected 'sha256:<64 lowercase hex>' of the saved plan file");
        }

        problems.AddRange(Sbom.SbomEvidence.ShapeProblems(manifest.Sboms ?? [], manifest.Images));
        return problems;
    }

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex CommitSha();

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex PlanHash();
}
