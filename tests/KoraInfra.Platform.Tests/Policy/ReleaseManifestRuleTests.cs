using System.Text.Json.Nodes;
using KoraInfra.Platform.Policy;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// KORA-001 one condition at a time: exactly one manifest, verified, for this stack, a GA version
/// and the deploy-prod gate in prod only, no open critical finding, at least one image and every
/// image by digest. Each broken part is its own finding; a compliant manifest has none.
/// </summary>
public sealed class ReleaseManifestRuleTests
{
    private const string Manifest = "kora:release:ReleaseManifest";
    private const string Digest = "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static string[] Findings(CompliantPlatform stack)
    {
        var evaluation = PolicyEngine.Evaluate(stack.Snapshot(), CompliantPlatform.Now, [PolicyRules.Find("KORA-001")!]);
        Assert.Empty(evaluation.Errors);
        return evaluation.Violations.Select(v => v.Message).ToArray();
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void A_compliant_manifest_has_no_finding(string stack)
    {
        Assert.Empty(Findings(new CompliantPlatform(stack)));
    }

    [Fact]
    public void Two_manifests_are_one_finding_on_the_stack()
    {
        var stack = new CompliantPlatform("prod").Add(Manifest, "release-2", """{ "stack": "prod" }""");

        Assert.Equal(["stack 'prod' declares 2 release manifests; expected exactly one"], Findings(stack));
    }

    [Theory]
    [InlineData("v1.4.0-rc.1")]
    [InlineData("1.4.0")]
    [InlineData("v1.4")]
    [InlineData("v1.4.0 ")]
    [InlineData("v1.4.0.1")]
    public void Staging_takes_a_release_candidate_and_prod_only_a_ga_tag(string version)
    {
        Assert.Empty(Findings(new CompliantPlatform("staging").Set(Manifest, "version", version)));
        Assert.Equal(
            [$"version '{version}' is not a GA tag (vX.Y.Z); prod is deployed only from a GA promotion of an approved RC"],
            Findings(new CompliantPlatform("prod").Set(Manifest, "version", version)));
    }

    [Fact]
    public void A_prod_manifest_without_a_version_or_a_gate_is_named_as_such()
    {
        var stack = new CompliantPlatform("prod").Set(Manifest, "version", null).Set(Manifest, "gate", null);

        Assert.Equal(
            [
                "version '' is not a GA tag (vX.Y.Z); prod is deployed only from a GA promotion of an approved RC",
                "the release manifest was admitted by gate ''; prod takes only a manifest admitted by the deploy-prod gate (go/no-go)",
            ],
            Findings(stack));
    }

    [Fact]
    public void Staging_takes_a_manifest_from_the_staging_gate()
    {
        Assert.Empty(Findings(new CompliantPlatform("staging").Set(Manifest, "gate", "deploy-staging")));
        Assert.Empty(Findings(new CompliantPlatform("staging").Set(Manifest, "gate", "anything")));
    }

    [Theory]
    [InlineData("true", false)]
    [InlineData("\"true\"", false)]
    [InlineData("false", true)]
    [InlineData("\"yes\"", true)]
    public void Only_a_verified_flag_of_true_counts(string verified, bool finding)
    {
        var stack = new CompliantPlatform("staging").Set(Manifest, "verified", JsonNode.Parse(verified));

        Assert.Equal(finding ? ["the release manifest's signature was not verified"] : [], Findings(stack));
    }

    [Fact]
    public void An_unverified_manifest_without_a_stack_is_named_for_both()
    {
        var stack = new CompliantPlatform("staging").Set(Manifest, "verified", null).Set(Manifest, "stack", null);

        Assert.Equal(["the release manifest's signature was not verified", "the release manifest is for stack '', not 'staging'"], Findings(stack));
    }

    [Fact]
    public void Open_critical_findings_are_counted_and_none_is_none()
    {
        Assert.Empty(Findings(new CompliantPlatform("prod").Set(Manifest, "openCriticalFindings", new JsonArray())));
        Assert.Equal(
            ["the release carries 2 open critical finding(s); a release must have none"],
            Findings(new CompliantPlatform("prod").Set(Manifest, "openCriticalFindings", new JsonArray("a", "b"))));
    }

    [Fact]
    public void A_manifest_must_list_an_image_and_each_image_by_digest()
    {
        Assert.Equal(["the release manifest lists no image"], Findings(new CompliantPlatform("prod").Set(Manifest, "images", new JsonArray())));
        Assert.Equal(["the release manifest lists no image"], Findings(new CompliantPlatform("prod").Set(Manifest, "images", null)));
        Assert.Equal(
            ["image 'n8nio/n8n:1.80.0' is not pinned by digest", "image 'ghcr.io/koraos/x' is not pinned by digest"],
            Findings(new CompliantPlatform("prod").Set(Manifest, "images", new JsonArray("n8nio/n8n:1.80.0", "n8nio/n8n" + Digest, "ghcr.io/koraos/x"))));
    }

    [Fact]
    public void Every_broken_part_is_its_own_finding_in_order()
    {
        var stack = new CompliantPlatform("prod")
            .Set(Manifest, "verified", false)
            .Set(Manifest, "stack", "dev")
            .Set(Manifest, "version", "v2.0.0-rc.1")
            .Set(Manifest, "gate", "deploy-staging")
            .Set(Manifest, "openCriticalFindings", new JsonArray("x"))
            .Set(Manifest, "images", new JsonArray("n8nio/n8n:latest"));

        Assert.Equal(
            [
                "the release manifest's signature was not verified",
                "the release manifest is for stack 'dev', not 'prod'",
                "version 'v2.0.0-rc.1' is not a GA tag (vX.Y.Z); prod is deployed only from a GA promotion of an approved RC",
                "the release manifest was admitted by gate 'deploy-staging'; prod takes only a manifest admitted by the deploy-prod gate (go/no-go)",
                "the release carries 1 open critical finding(s); a release must have none",
                "image 'n8nio/n8n:latest' is not pinned by digest",
            ],
            Findings(stack));
    }
}
