using System.Text;
using System.Text.Json.Nodes;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.Platform.Verification;
using static KoraInfra.TestCases.ReleaseFixtures;

namespace KoraInfra.Platform.Tests.Verification;

public sealed class EvidenceRecordSigningTests
{
    [Fact]
    public void A_signed_record_verifies_and_reads_back_the_same()
    {
        using var key = NewKey();
        var record = Record(VerificationKind.RestoreDrill);

        var verification = EvidenceVerifier.Verify("drill.dsse.json", EvidenceSigner.Sign(record, key), key);

        Assert.True(verification.IsValid, verification.Refusal);
        Assert.Equal(record.Commit, verification.Record!.Commit);
        Assert.Equal(record.Measurements, verification.Record.Measurements);
        Assert.Equal(record.Images, verification.Record.Images);
    }

    [Fact]
    public void A_record_with_one_byte_changed_is_refused_and_still_says_what_it_claimed_to_be()
    {
        using var key = NewKey();
        var envelope = JsonNode.Parse(EvidenceSigner.Sign(Record(VerificationKind.Load), key))!;
        var body = Encoding.UTF8.GetString(Convert.FromBase64String((string)envelope["payload"]!));
        envelope["payload"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(body.Replace("\"value\": 180", "\"value\": 181", StringComparison.Ordinal)));

        var verification = EvidenceVerifier.Verify("load.dsse.json", envelope.ToJsonString(), key);

        Assert.False(verification.IsValid);
        Assert.Contains("no signature verifies with the trusted release key", verification.Refusal, StringComparison.Ordinal);
        Assert.Equal(VerificationKind.Load, verification.ClaimedKind);
    }

    [Fact]
    public void An_unsigned_record_or_one_signed_by_another_key_is_refused()
    {
        using var key = NewKey();
        using var other = NewKey();
        var envelope = JsonNode.Parse(EvidenceSigner.Sign(Record(VerificationKind.Soak), key))!;
        var signedElsewhere = EvidenceSigner.Sign(Record(VerificationKind.Soak), other);
        envelope["signatures"] = new JsonArray();

        Assert.Contains("unsigned", EvidenceVerifier.Verify("a", envelope.ToJsonString(), key).Refusal, StringComparison.Ordinal);
        Assert.Contains("signed with another key", EvidenceVerifier.Verify("b", signedElsewhere, key).Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signed_release_manifest_never_passes_for_an_evidence_record()
    {
        using var key = NewKey();

        var verification = EvidenceVerifier.Verify("manifest.dsse.json", ReleaseManifestSigner.Sign(RcManifest(), key), key);

        Assert.False(verification.IsValid);
        Assert.Contains(EvidenceStatement.RecordPredicateType, verification.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("failed without a reason", "a failed record names at least one reason")]
    [InlineData("passed over its limit", "exceeds its maximum")]
    [InlineData("finished before it started", "is before startedAt")]
    [InlineData("ran against a ga version", "is not an RC")]
    [InlineData("fault injection naming no experiment", "a fault-injection record names its experiment, one of n8n-worker-pod-kill, redis-partition, postgres-failover")]
    [InlineData("fault injection naming an unknown experiment", "experiment: 'disk-fill'")]
    [InlineData("another kind naming an experiment", "only fault-injection records name an experiment")]
    public void A_malformed_record_is_never_signed(string flaw, string expected)
    {
        using var key = NewKey();
        var record = Record(VerificationKind.RestoreDrill);
        record = flaw switch
        {
            "failed without a reason" => record with { Passed = false },
            "passed over its limit" => record with { Measurements = [new Measurement("rto", 4000, "s", 3600)] },
            "finished before it started" => record with { FinishedAt = record.StartedAt.AddSeconds(-1) },
            "fault injection naming no experiment" => Record(VerificationKind.FaultInjection) with { Experiment = null },
            "fault injection naming an unknown experiment" => Record(VerificationKind.FaultInjection) with { Experiment = "disk-fill" },
            "another kind naming an experiment" => record with { Experiment = "redis-partition" },
            _ => record with { ReleaseCandidate = ReleaseVersion.TryParse("v1.4.0")! },
        };

        var error = Assert.Throws<ReleaseDocumentException>(() => EvidenceSigner.Sign(record, key));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
