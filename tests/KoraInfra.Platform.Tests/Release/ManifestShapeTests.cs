using KoraInfra.Platform.Release.Manifest;
using static KoraInfra.TestCases.ReleaseFixtures;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>
/// Each way a manifest can be malformed, alone, with the exact problem the signer and the
/// verifier report (before any field of it is trusted).
/// </summary>
public sealed class ManifestShapeTests
{
    private static readonly ReleaseVersion Ga = ReleaseVersion.TryParse("v1.4.0")!;
    private static readonly ReleaseVersion Candidate = ReleaseVersion.TryParse("v1.4.0-rc.2")!;

    public static TheoryData<string, Func<ReleaseManifest, ReleaseManifest>, string> Malformed => new()
    {
        { "a dev manifest", m => m with { Stack = "dev" }, "stack: found 'dev'; expected 'staging' or 'prod' (the stacks that deploy only from a release manifest)" },
        { "an unknown stack", m => m with { Stack = "qa" }, "stack: found 'qa'; expected 'staging' or 'prod' (the stacks that deploy only from a release manifest)" },
        { "the RC gate into prod", m => m with { Stack = "prod" }, "gate: 'promote-rc' admits into staging, not into 'prod'" },
        { "a staging build with a version", m => m with { Gate = PromotionGate.DeployStaging }, "version: found 'v1.4.0-rc.2' for a staging deploy of a main build; expected none (RC versions are claimed only by 'promote-rc')" },
        { "an RC without a version", m => m with { Version = null }, "version: found 'none'; expected an RC tag 'vX.Y.Z-rc.N'" },
        { "an RC with a GA version", m => m with { Version = Ga }, "version: found 'v1.4.0'; expected an RC tag 'vX.Y.Z-rc.N'" },
        { "prod with an RC version", m => Prod(m) with { Version = Candidate }, "version: found 'v1.4.0-rc.2'; expected a GA tag 'vX.Y.Z' (prod runs GA releases only)" },
        { "prod without a version", m => Prod(m) with { Version = null }, "version: found 'none'; expected a GA tag 'vX.Y.Z' (prod runs GA releases only)" },
        { "prod without its RC", m => Prod(m) with { SourceRc = null }, "sourceRc: missing; expected the RC tag 'vX.Y.Z-rc.N' this GA release promotes" },
        { "prod from a GA", m => Prod(m) with { SourceRc = Ga }, "sourceRc: missing; expected the RC tag 'vX.Y.Z-rc.N' this GA release promotes" },
        { "an RC promoting an RC", m => m with { SourceRc = Candidate }, "sourceRc: only a GA release promotes an RC; expected none" },
        { "a short commit", m => m with { Commit = Commit[..12] }, $"commit: found '{Commit[..12]}'; expected a full 40-character lowercase commit SHA" },
        { "an upper-case commit", m => m with { Commit = Commit.ToUpperInvariant() }, $"commit: found '{Commit.ToUpperInvariant()}'; expected a full 40-character lowercase commit SHA" },
        { "no images", m => m with { Images = [] }, "images: empty; expected every image the release runs, by digest" },
        { "one image twice", m => m with { Images = [Api, Worker, Image(Api.Name, 'c')] }, $"images: '{Api.Name}' appears 2 times; expected one digest per image" },
        { "an approval by nobody", m => m with { Approvals = [.. m.Approvals, new Approval(ApprovalRole.Qa, " ", Now)] }, "approvals: a 'Qa' approval names nobody; expected who approved" },
        { "an http evidence link", m => m with { Evidence = [new EvidenceLink(EvidenceKind.Runbook, true, new Uri("http://ci.koraos.dev/runbook"))] }, "evidence: 'http://ci.koraos.dev/runbook' is not an absolute https link; expected where a reviewer reads the evidence" },
        { "a relative scorecard link", m => m with { Scorecard = new Scorecard(true, new Uri("scorecard", UriKind.Relative)) }, "evidence: 'scorecard' is not an absolute https link; expected where a reviewer reads the evidence" },
        { "an http RTM link", m => m with { RtmP0 = new RtmP0Status(true, new Uri("http://ci.koraos.dev/rtm")) }, "evidence: 'http://ci.koraos.dev/rtm' is not an absolute https link; expected where a reviewer reads the evidence" },
        { "a plan hash without its algorithm", m => m with { PlanHash = new string('a', 64) }, $"planHash: found '{new string('a', 64)}'; expected 'sha256:<64 lowercase hex>' of the saved plan file" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Each_malformation_alone_is_the_one_problem_named(string what, Func<ReleaseManifest, ReleaseManifest> malform, string problem)
    {
        ArgumentNullException.ThrowIfNull(malform);

        Assert.True(ReleaseManifestRules.Problems(malform(RcManifest())) is [var only] && only == problem, $"{what}: {string.Join(" | ", ReleaseManifestRules.Problems(malform(RcManifest())))}");
    }

    [Fact]
    public void Well_formed_rc_and_prod_manifests_have_no_problem()
    {
        Assert.Empty(ReleaseManifestRules.Problems(RcManifest()));
        Assert.Empty(ReleaseManifestRules.Problems(Prod(RcManifest()) with { PlanHash = "sha256:" + new string('0', 64) }));
    }

    private static ReleaseManifest Prod(ReleaseManifest rc) =>
        rc with { Stack = "prod", Gate = PromotionGate.DeployProd, Version = Ga, SourceRc = Candidate };
}
