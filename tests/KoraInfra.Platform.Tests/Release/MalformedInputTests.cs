using System.Text;
using KoraInfra.Platform.Release;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;
using static KoraInfra.TestCases.ReleaseFixtures;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>
/// Refusals the Release folder gives for input it cannot use, each with its exact message: a
/// signed statement of another type or around a malformed manifest, no experiment list for fault
/// injection, a gate outside the three, a rotation of a stack whose release setting or manifest is
/// missing.
/// </summary>
public sealed class MalformedInputTests : IDisposable
{
    private readonly System.Security.Cryptography.ECDsa _key = NewKey();

    public void Dispose() => _key.Dispose();

    private string Signed(InTotoStatement statement) =>
        ReleaseManifestSigner.SignPayload(Dsse.InTotoPayloadType, Encoding.UTF8.GetBytes(ReleaseJson.Write(statement)), _key);

    [Fact]
    public void A_signed_statement_of_another_type_or_predicate_is_refused_naming_both()
    {
        var statement = InTotoStatement.For(RcManifest());

        Assert.Equal(
            $"statement 'https://in-toto.io/Statement/v0.1' with predicate '{InTotoStatement.ManifestPredicateType}'; expected '{InTotoStatement.StatementType}' with predicate '{InTotoStatement.ManifestPredicateType}'",
            ReleaseManifestVerifier.Verify(Signed(statement with { Type = "https://in-toto.io/Statement/v0.1" }), _key, "staging").Refusal);
        Assert.Equal(
            $"statement '{InTotoStatement.StatementType}' with predicate 'https://slsa.dev/provenance/v1'; expected '{InTotoStatement.StatementType}' with predicate '{InTotoStatement.ManifestPredicateType}'",
            ReleaseManifestVerifier.Verify(Signed(statement with { PredicateType = "https://slsa.dev/provenance/v1" }), _key, "staging").Refusal);
    }

    [Fact]
    public void A_signed_statement_around_a_malformed_manifest_is_refused_naming_each_problem()
    {
        var statement = InTotoStatement.For(RcManifest() with { Commit = "main" });

        Assert.Equal(
            "malformed manifest: commit: found 'main'; expected a full 40-character lowercase commit SHA",
            ReleaseManifestVerifier.Verify(Signed(statement), _key, "staging").Refusal);
    }

    [Fact]
    public void Fault_injection_without_the_experiments_staging_can_run_is_never_approved()
    {
        var binding = new Platform.Verification.EvidenceBinding("staging", Commit, ReleaseVersion.TryParse("v1.4.0-rc.2"), [Api, Worker], Now.AddDays(-3));
        const string Missing = "the fault-injection experiments staging can run were not decided (Pulumi.staging.yaml could not be read), so no record can approve fault injection";

        Assert.Equal(new GateCondition("fault", "fault injection aprovado", false, Missing), FaultInjectionCondition.Evaluate("fault", "fault injection aprovado", null, Records(), binding));
        Assert.Equal(Missing, FaultInjectionCondition.Evaluate("fault", "fault injection aprovado", [], Records(), binding).Missing);
    }

    [Fact]
    public void A_gate_outside_the_three_is_a_programming_error_named_as_such()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Gatekeeper.Evaluate(Staging() with { Gate = (PromotionGate)9 }, null, StagingContext()));

        Assert.Equal("evidence", ex.ParamName);
        Assert.StartsWith("unknown gate", ex.Message, StringComparison.Ordinal);
        Assert.Equal("'deploy-staging', 'promote-rc' or 'deploy-prod'", PromotionGates.Expected);
    }

    [Fact]
    public void Text_that_is_absent_decodes_to_nothing()
    {
        Assert.Null(Dsse.DecodeBase64(null));
    }

    [Fact]
    public void A_rotation_of_a_stack_file_naming_no_release_or_with_the_manifest_missing_says_so()
    {
        var running = Promoted(1, PromotionGate.DeployProd, "v1.4.0", [Api, Worker], Now, manifestSha256: "sha256:" + new string('1', 64)) with { Manifest = "releases/prod/v1.4.0.dsse.json" };

        var unnamed = Assert.Throws<ReleaseRefusedException>(() => RotationReapply.Check("prod", null, null, [running]));
        var missing = Assert.Throws<ReleaseRefusedException>(() => RotationReapply.Check("prod", "releases/prod/v1.4.0.dsse.json", null, [running]));

        Assert.Equal("rotation of prod refused: the stack file names the release '(none)' but prod runs 'releases/prod/v1.4.0.dsse.json' (audit entry 1); a rotation never takes a new release: promote it through its gate", unnamed.Message);
        Assert.Equal($"rotation of prod refused: 'releases/prod/v1.4.0.dsse.json' is not the file promoted in audit entry 1 (missing != sha256:{new string('1', 64)}); a rotation re-applies the same signed manifest", missing.Message);
    }

    [Fact]
    public void The_rotation_entry_of_a_stack_without_releases_names_its_main_build_and_no_images()
    {
        var entry = RotationReapply.Entry("dev", null, "release-bot", "abc", []);

        Assert.Equal("main-abc", entry.Release);
        Assert.Equal("abc", entry.Commit);
        Assert.Empty(entry.Images);
        Assert.Equal("main-" + Commit[..12], RotationReapply.Entry("dev", null, "release-bot", Commit, []).Release);

        var running = Promoted(1, PromotionGate.DeployProd, "v1.4.0", [Api], Now);
        Assert.Equal([Api.ToString()], RotationReapply.Entry("prod", running, "release-bot", Commit, []).Images);
    }
}
