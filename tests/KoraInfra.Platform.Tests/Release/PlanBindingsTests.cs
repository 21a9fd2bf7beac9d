using System.Security.Cryptography;
using System.Text;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Plan;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.TestCases;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>
/// A saved plan is applied only with a binding signed for exactly its stack, manifest and plan:
/// each way a binding is malformed, forged or for something else is refused with the exact reason.
/// </summary>
public sealed class PlanBindingsTests : IDisposable
{
    private static readonly string Manifest = "sha256:" + new string('a', 64);
    private static readonly string PlanFile = "sha256:" + new string('b', 64);

    private readonly ECDsa _key = ReleaseFixtures.NewKey();

    public void Dispose() => _key.Dispose();

    private static PlanBinding Binding() => new()
    {
        Stack = "prod",
        Release = "v1.4.0",
        ManifestSha256 = Manifest,
        PlanSha256 = PlanFile,
        BoundAt = ReleaseFixtures.Now,
        BoundBy = ReleaseFixtures.Promoter,
    };

    private string? Refusal(string envelope) => PlanBindings.Refusal(envelope, _key, "prod", Manifest, PlanFile);

    private string Envelope(string payloadType, string payload) =>
        ReleaseManifestSigner.SignPayload(payloadType, Encoding.UTF8.GetBytes(payload), _key);

    [Fact]
    public void The_binding_of_this_stack_manifest_and_plan_signed_with_the_release_key_is_accepted()
    {
        Assert.Null(Refusal(PlanBindings.Sign(Binding(), _key)));
    }

    [Fact]
    public void A_file_digest_is_sha256_in_lowercase_hex_with_its_prefix()
    {
        Assert.Equal("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", PlanBindings.Sha256Of(Encoding.ASCII.GetBytes("abc")));
    }

    [Fact]
    public void Text_that_is_no_envelope_is_refused_naming_what_was_read()
    {
        Assert.Equal("not a DSSE envelope: plan binding: the document is 'null'; expected a JSON object", Refusal("null"));
        Assert.StartsWith("not a DSSE envelope: plan binding (line 1, $.payloadType): ", Refusal("{\"payloadType\":1}"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_payload_that_is_not_base64_is_refused()
    {
        var envelope = "{\"payloadType\":\"" + PlanBindings.PayloadType + "\",\"payload\":\"***\",\"signatures\":[]}";

        Assert.Equal("the binding's payload is not base64", Refusal(envelope));
    }

    [Fact]
    public void A_binding_signed_with_another_key_or_altered_or_unsigned_is_refused()
    {
        using var other = ReleaseFixtures.NewKey();
        const string Expected = "no signature verifies with the trusted release key: the binding was altered or signed with another key";
        var genuine = PlanBindings.Sign(Binding(), _key);

        Assert.Equal(Expected, Refusal(PlanBindings.Sign(Binding(), other)));
        var envelope = ReleaseJson.Read<DsseEnvelope>(genuine, "plan binding");
        Assert.Equal(Expected, Refusal(ReleaseJson.Write(envelope with { PayloadType = PlanBindings.PayloadType + "x" })));
        var unsigned = "{\"payloadType\":\"" + PlanBindings.PayloadType + "\",\"payload\":\"e30=\",\"signatures\":[]}";
        Assert.Equal(Expected, Refusal(unsigned));
        var badSig = "{\"payloadType\":\"" + PlanBindings.PayloadType + "\",\"payload\":\"e30=\",\"signatures\":[{\"sig\":\"***\"}]}";
        Assert.Equal(Expected, Refusal(badSig));
    }

    [Fact]
    public void A_signature_beside_a_forged_one_still_counts()
    {
        var genuine = PlanBindings.Sign(Binding(), _key);
        var withForged = genuine.Replace("\"signatures\": [", "\"signatures\": [{\"sig\":\"AAAA\"},", StringComparison.Ordinal);

        Assert.NotEqual(genuine, withForged);
        Assert.Null(Refusal(withForged));
    }

    [Fact]
    public void A_manifest_envelope_signed_with_the_same_key_is_not_a_binding()
    {
        var manifest = ReleaseManifestSigner.Sign(ReleaseFixtures.RcManifest(), _key);

        Assert.Equal($"payload type '{Dsse.InTotoPayloadType}'; expected '{PlanBindings.PayloadType}'", Refusal(manifest));
    }

    [Fact]
    public void A_signed_payload_that_is_no_binding_is_refused_naming_the_problem()
    {
        Assert.Equal("plan binding payload: the document is 'null'; expected a JSON object", Refusal(Envelope(PlanBindings.PayloadType, "null")));
        Assert.StartsWith("plan binding payload (line 1, $): ", Refusal(Envelope(PlanBindings.PayloadType, "{\"stack\":\"prod\"}")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_binding_of_another_stack_manifest_or_plan_names_each_difference()
    {
        Assert.Equal("it binds a plan of stack 'staging', not 'prod'", Refusal(PlanBindings.Sign(Binding() with { Stack = "staging" }, _key)));
        Assert.Equal(
            $"it binds manifest sha256:{new string('c', 64)} (v1.4.0), but the stack's release is {Manifest}",
            Refusal(PlanBindings.Sign(Binding() with { ManifestSha256 = "sha256:" + new string('c', 64) }, _key)));
        Assert.Equal(
            $"it binds plan sha256:{new string('d', 64)}, but the plan file is {PlanFile}: the plan was changed or replaced after it was bound",
            Refusal(PlanBindings.Sign(Binding() with { PlanSha256 = "sha256:" + new string('d', 64) }, _key)));

        var all = Refusal(PlanBindings.Sign(Binding() with { Stack = "dev", ManifestSha256 = "m", PlanSha256 = "p" }, _key));
        Assert.Equal(
            "it binds a plan of stack 'dev', not 'prod'; it binds manifest m (v1.4.0), but the stack's release is " + Manifest
            + "; it binds plan p, but the plan file is " + PlanFile + ": the plan was changed or replaced after it was bound",
            all);
    }
}
