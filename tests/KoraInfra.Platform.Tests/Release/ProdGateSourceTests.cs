using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;
using static KoraInfra.TestCases.ReleaseFixtures;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>
/// The prod gate's two artifact conditions branch by branch: which RC a GA release names (none,
/// another release's, an unreadable manifest, one that lacks its approvals) and whether the
/// deployed artifact is exactly the RC's (commit, each image by digest, nothing added).
/// </summary>
public sealed class ProdGateSourceTests : IDisposable
{
    private readonly System.Security.Cryptography.ECDsa _key = NewKey();

    public void Dispose() => _key.Dispose();

    private static GateCondition Condition(GateReport report, string id) => Assert.Single(report.Conditions, c => c.Id == id);

    private GateReport Judge(PromotionEvidence evidence, ManifestVerification? approvedRc) =>
        ProdDeployGate.Evaluate(evidence, approvedRc, ProdContext(ApprovedRc(_key)));

    [Fact]
    public void A_ga_release_from_the_approved_rc_with_its_artifact_meets_both_with_nothing_missing()
    {
        var report = Judge(Prod(), ApprovedRc(_key));

        Assert.Equal(new GateCondition("from-approved-rc", "a partir de RC aprovada (qa + architect + devops, scorecard RC, RTM P0 completa, sem finding critico)", true, null), Condition(report, "from-approved-rc"));
        Assert.Equal(new GateCondition("validated-artifact", "apenas promocao de artefato ja validado (mesmo commit, mesmas imagens por digest; sem rebuild)", true, null), Condition(report, "validated-artifact"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("v1.4.0")]
    public void A_ga_release_that_names_no_rc_is_asked_for_one(string? source)
    {
        var report = Judge(Prod() with { SourceRc = ReleaseVersion.TryParse(source) }, ApprovedRc(_key));

        Assert.Equal("the RC this GA release promotes (sourceRc 'vX.Y.Z-rc.N')", Condition(report, "from-approved-rc").Missing);
    }

    [Theory]
    [InlineData("v1.3.0-rc.2")]
    [InlineData("v1.4.1-rc.2")]
    [InlineData("v2.4.0-rc.2")]
    public void An_rc_of_another_release_is_refused_naming_both(string source)
    {
        var report = Judge(Prod() with { SourceRc = ReleaseVersion.TryParse(source) }, ApprovedRc(_key));

        Assert.Equal($"an RC of v1.4.0: '{source}' is a candidate for another release", Condition(report, "from-approved-rc").Missing);
    }

    [Fact]
    public void A_refused_manifest_is_named_with_the_verifiers_reason()
    {
        var report = Judge(Prod(), ManifestVerification.Refused("no signature verifies"));

        Assert.Equal("a valid signed manifest of RC v1.4.0-rc.2: no signature verifies", Condition(report, "from-approved-rc").Missing);
        Assert.Equal("the approved RC's manifest to compare the artifact with", Condition(report, "validated-artifact").Missing);
    }

    [Fact]
    public void A_manifest_of_another_rc_of_the_same_release_is_not_the_source()
    {
        var other = ApprovedRc(_key, RcManifest(Rc("v1.4.0-rc.1")));

        Assert.Equal("the manifest of RC v1.4.0-rc.2 admitted by 'promote-rc'; found v1.4.0-rc.1 admitted by 'promote-rc'", Condition(Judge(Prod(), other), "from-approved-rc").Missing);
    }

    [Fact]
    public void An_rc_with_an_open_critical_finding_is_not_approved_naming_the_findings()
    {
        var rc = ApprovedRc(_key, RcManifest() with { OpenCriticalFindings = ["SEC-12", "SEC-14"] });

        Assert.Equal("RC v1.4.0-rc.2 is not approved: it lacks no open critical finding (SEC-12, SEC-14)", Condition(Judge(Prod(), rc), "from-approved-rc").Missing);
    }

    [Fact]
    public void An_rc_lacking_every_part_of_its_approval_names_each()
    {
        var rc = ApprovedRc(_key, RcManifest() with { Approvals = [], Scorecard = new Scorecard(false, Link("scorecard")), RtmP0 = new RtmP0Status(false, Link("rtm")), OpenCriticalFindings = ["SEC-1"] });

        Assert.Equal(
            "RC v1.4.0-rc.2 is not approved: it lacks approval 'qa', approval 'architect', approval 'devops', a passing RC scorecard, a complete RTM P0, no open critical finding (SEC-1)",
            Condition(Judge(Prod(), rc), "from-approved-rc").Missing);
    }

    [Fact]
    public void Another_commit_is_named_beside_the_rcs()
    {
        var commit = new string('9', 40);

        Assert.Equal($"commit {commit} is not the RC's {Commit}", Condition(Judge(Prod() with { Commit = commit }, ApprovedRc(_key)), "validated-artifact").Missing);
    }

    [Fact]
    public void An_image_the_rc_never_validated_is_named_and_so_is_every_rc_image_left_out()
    {
        var extra = Image("ghcr.io/koraos/extra", 'f');

        Assert.Equal("image 'ghcr.io/koraos/extra' was not validated in the RC", Condition(Judge(Prod() with { Images = [Api, Worker, extra] }, ApprovedRc(_key)), "validated-artifact").Missing);
        Assert.Equal(
            $"image 'ghcr.io/koraos/extra' was not validated in the RC; image '{Api.Name}' of the RC is not deployed; image '{Worker.Name}' of the RC is not deployed",
            Condition(Judge(Prod() with { Images = [extra] }, ApprovedRc(_key)), "validated-artifact").Missing);
    }
}
