using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.Platform.Tests.Release;

public sealed class DsseTests
{
    [Fact]
    public void Pae_matches_the_specifications_test_vector()
    {
        var pae = Dsse.Pae("http://example.com/HelloWorld", Encoding.UTF8.GetBytes("hello world"));

        Assert.Equal("DSSEv1 29 http://example.com/HelloWorld 11 hello world", Encoding.UTF8.GetString(pae));
    }

    [Fact]
    public void Pae_counts_bytes_not_characters()
    {
        var pae = Dsse.Pae("t", Encoding.UTF8.GetBytes("ç"));

        Assert.Equal("DSSEv1 1 t 2 ç", Encoding.UTF8.GetString(pae));
    }

    [Fact]
    public void The_specifications_test_vector_signature_verifies_with_its_public_key()
    {
        // The public half of the protocol's test key (ECDSA P-256, raw r||s signature).
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = Coordinate("46950820868899156662930047687818585632848591499744589407958293238635476079160"),
                Y = Coordinate("5640078356564379163099075877009565129882514886557779369047442380624545832820"),
            },
        });
        const string Envelope = """
            {"payload": "aGVsbG8gd29ybGQ=", "payloadType": "http://example.com/HelloWorld",
             "signatures": [{"sig": "A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA=="}]}
            """;
        var sig = Dsse.DecodeBase64("A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA==")!;
        var pae = Dsse.Pae("http://example.com/HelloWorld", Encoding.UTF8.GetBytes("hello world"));

        Assert.True(key.VerifyData(pae, sig, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.Contains("payloadType", Envelope, StringComparison.Ordinal);

        // And the verifier refuses it for a release manifest: the type is not in-toto.
        var verification = ReleaseManifestVerifier.Verify(Envelope, key, "prod");
        Assert.Contains("payload type 'http://example.com/HelloWorld'", verification.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aGVsbG8gd29ybGQ=")]
    [InlineData("aGVsbG8gd29ybGQ")]
    public void Base64_with_or_without_padding_decodes(string text) =>
        Assert.Equal("hello world", Encoding.UTF8.GetString(Dsse.DecodeBase64(text)!));

    [Fact]
    public void Url_safe_base64_decodes() => Assert.Equal(new byte[] { 0xfb, 0xff }, Dsse.DecodeBase64("-_8"));

    private static byte[] Coordinate(string decimalText)
    {
        var bytes = BigInteger.Parse(decimalText, CultureInfo.InvariantCulture).ToByteArray(isUnsigned: true, isBigEndian: true);
        return bytes.Length == 32 ? bytes : [.. new byte[32 - bytes.Length], .. bytes];
    }
}
