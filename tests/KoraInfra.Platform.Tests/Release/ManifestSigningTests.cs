using System.Text;
using System.Text.Json.Nodes;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;

using KoraInfra.TestCases;

namespace KoraInfra.Platform.Tests.Release;

public sealed class ManifestSigningTests
{
    [Fact]
    public void A_signed_manifest_verifies_and_round_trips_every_field()
    {
        using var key = ReleaseFixtures.NewKey();
        var manifest = ReleaseFixtures.RcManifest();

        var verification = ReleaseManifestVerifier.Verify(ReleaseManifestSigner.Sign(manifest, key), key, "staging");

        Assert.True(verification.IsValid, verification.Refusal);
        var read = verification.Manifest!;
        Assert.Equal(manifest.Version, read.Version);
        Assert.Equal(manifest.Commit, read.Commit);
        Assert.Equal(manifest.Images, read.Images);
        Assert.Equal(manifest.Approvals, read.Approvals);
        Assert.Equal(manifest.Evidence, read.Evidence);
        Assert.Equal(manifest.Scorecard, read.Scorecard);
        Assert.Equal(manifest.RtmP0, read.RtmP0);
        Assert.Equal(manifest.IssuedAt, read.IssuedAt);
    }

    [Fact]
    public void The_envelope_is_dsse_over_an_in_toto_statement_whose_subjects_are_the_images()
    {
        using var key = ReleaseFixtures.NewKey();
        var envelope = JsonNode.Parse(ReleaseManifestSigner.Sign(ReleaseFixtures.RcManifest(), key))!;

        Assert.Equal("application/vnd.in-toto+json", (string?)envelope["payloadType"]);
        Assert.Equal(ReleaseSigningKey.KeyId(key), (string?)envelope["signatures"]![0]!["keyid"]);
        var statement = JsonNode.Parse(Convert.FromBase64String((string)envelope["payload"]!))!;
        Assert.Equal("https://in-toto.io/Statement/v1", (string?)statement["_type"]);
        Assert.Equal("ghcr.io/koraos/api", (string?)statement["subject"]![0]!["name"]);
        Assert.Equal(new string('a', 64), (string?)statement["subject"]![0]!["digest"]!["sha256"]);
        Assert.Equal("promote-rc", (string?)statement["predicate"]!["gate"]);
    }

    [Fact]
    public void A_tampered_payload_is_refused()
    {
        using var key = ReleaseFixtures.NewKey();
        var envelope = JsonNode.Parse(ReleaseManifestSigner.Sign(ReleaseFixtures.RcManifest(), key))!;
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String((string)envelope["payload"]!));
        envelope["payload"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.Replace(new string('a', 64), new string('d', 64), StringComparison.Ordinal)));

        var verification = ReleaseManifestVerifier.Verify(envelope.ToJsonString(), key, "staging");

        Assert.False(verification.IsValid);
        Assert.Contains("altered after signing, or signed with another key", verification.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_signed_with_another_key_is_refused()
    {
        using var pipelineKey = ReleaseFixtures.NewKey();
        using var otherKey = ReleaseFixtures.NewKey();

        var verification = ReleaseManifestVerifier.Verify(ReleaseManifestSigner.Sign(ReleaseFixtures.RcManifest(), otherKey), pipelineKey, "staging");

        Assert.Contains("no signature verifies with the trusted release key", verification.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_payload_type_breaks_the_signature()
    {
        using var key = ReleaseFixtures.NewKey();
        var envelope = JsonNode.Parse(ReleaseManifestSigner.Sign(ReleaseFixtures.RcManifest(), key))!;
        envelope["payloadType"] = "application/json";

        Assert.Contains("no signature verifies", ReleaseManifestVerifier.Verify(envelope.ToJsonString(), key, "staging").Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correctly_signed_payload_of_another_type_is_refused()
    {
        using var key = ReleaseFixtures.NewKey();
        var body = Encoding.UTF8.GetBytes(ReleaseJson.Write(InTotoStatement.For(ReleaseFixtures.RcManifest())));
        var envelope = ReleaseManifestSigner.SignPayload("application/json", body, key);

        var verification = ReleaseManifestVerifier.Verify(envelope, key, "staging");

        Assert.Equal("payload type 'application/json'; expected 'application/vnd.in-toto+json'", verification.Refusal);
    }

    [Fact]
    public void A_manifest_for_another_stack_is_refused()
    {
        using var key = ReleaseFixtures.NewKey();

        var verification = ReleaseManifestVerifier.Verify(ReleaseManifestSigner.Sign(ReleaseFixtures.RcManifest(), key), key, "prod");

        Assert.Equal("the manifest (v1.4.0-rc.2) is for stack 'staging', not 'prod'", verification.Refusal);
    }

    [Fact]
    public void A_signed_statement_with_subjects_that_differ_from_the_images_is_refused()
    {
        using var key = ReleaseFixtures.NewKey();
        var statement = InTotoStatement.For(ReleaseFixtures.RcManifest());
        var forged = statement with { Subject = statement.Subject.Take(1).ToList() };
        var envelope = ReleaseManifestSigner.SignPayload(Dsse.InTotoPayloadType, Encoding.UTF8.GetBytes(ReleaseJson.Write(forged)), key);

        Assert.Equal("the statement's subjects differ from the manifest's images", ReleaseManifestVerifier.Verify(envelope, key, "staging").Refusal);
    }

    [Fact]
    public void Signatures_in_url_safe_base64_are_accepted()
    {
        using var key = ReleaseFixtures.NewKey();
        var envelope = JsonNode.Parse(ReleaseManifestSigner.Sign(ReleaseFixtures.RcManifest(), key))!;
        var sig = (string)envelope["signatures"]![0]!["sig"]!;
        envelope["signatures"]![0]!["sig"] = sig.Replace('+', '-').Replace('/', '_').TrimEnd('=');

        Assert.True(ReleaseManifestVerifier.Verify(envelope.ToJsonString(), key, "staging").IsValid);
    }

    [Theory]
    [InlineData("not json", "not a DSSE envelope")]
    [InlineData("""{"payloadType":"application/vnd.in-toto+json","payload":"%%%","signatures":[]}""", "payload is not base64")]
    [InlineData("""{"payloadType":"application/vnd.in-toto+json","payload":"e30=","signatures":[],"extra":1}""", "not a DSSE envelope")]
    [InlineData("""{"payloadType":"application/vnd.in-toto+json","payload":"e30=","signatures":[]}""", "no signature verifies")]
    public void Malformed_envelopes_are_refused(string json, string fragment)
    {
        using var key = ReleaseFixtures.NewKey();

        Assert.Contains(fragment, ReleaseManifestVerifier.Verify(json, key, "staging").Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_manifest_is_never_signed()
    {
        using var key = ReleaseFixtures.NewKey();
        var manifest = ReleaseFixtures.RcManifest() with { Commit = "main", Images = [] };

        var ex = Assert.Throws<ReleaseDocumentException>(() => ReleaseManifestSigner.Sign(manifest, key));

        Assert.Contains("commit: found 'main'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("images: empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_is_not_p256_is_rejected()
    {
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);

        var ex = Assert.Throws<ReleaseKeyException>(() => ReleaseSigningKey.FromPem(p384.ExportSubjectPublicKeyInfoPem(), "test key"));

        Assert.Contains("not on curve P-256", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_says_both_ways_to_provide_it()
    {
        var ex = Assert.Throws<ReleaseKeyException>(() => ReleaseSigningKey.Load(null, ReleaseSigningKey.SigningKeyVariable, _ => null));

        Assert.Contains("--key-file or set KORA_RELEASE_SIGNING_KEY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_key_from_the_environment_verifies_what_the_private_key_signed()
    {
        using var key = ReleaseFixtures.NewKey();
        var pem = key.ExportSubjectPublicKeyInfoPem();

        using var loaded = ReleaseSigningKey.Load(null, ReleaseSigningKey.VerificationKeyVariable, v => v == ReleaseSigningKey.VerificationKeyVariable ? pem : null);

        Assert.True(ReleaseManifestVerifier.Verify(ReleaseManifestSigner.Sign(ReleaseFixtures.RcManifest(), key), loaded, "staging").IsValid);
    }
}
