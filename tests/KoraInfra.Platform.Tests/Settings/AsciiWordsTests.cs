using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Tests.Settings;

/// <summary>
/// The secret detectors' word searches answer exactly as the regexes they stand in for: the same
/// verdict on thousands of generated names and tokens built from the words, their case variants,
/// separators, hex digits and line feeds, and on the edge cases named here.
/// </summary>
public sealed class AsciiWordsTests
{
    private static readonly string[] Pieces =
    [
        "password", "PassWd", "PWD", "Secret", "tok", "TOKEN", "api", "Key", "access", "connection", "String", "private", "kubeconfig", "Credential",
        "name", "NAMES", "Ref", "uri", "provider", "days", "Period", "id", "File",
        "sha", "SHA256", "sha384", "Sha512", "sha1", "digest", "Commit", "hash", "checksum", "revision", "ETag", "fingerprint",
        "-", "_", ".", ":", "\n", " ", "0123456789abcdef", "ABCDEF0123456789", "0f", "x", "q", "z", "9",
    ];

    public static TheoryData<string> Edges() =>
    [
        "", "pwd", "api_key", "API-KEY", "apikey", "api--key", "connection_string", "Private-Key", "urlSecretName", "tokenTtlSeconds",
        "name\n", "name\n\n", "names", "filename", "id", "ID\n", "ids",
        "sha256:0123456789abcdef", "SHA256:0123456789ABCDEF", "sha256:0123456789abcde", "sha1:0123456789abcdefX", "xsha512:0123456789abcdef0", "sha256sha1:0123456789abcdef",
        "to\u212Aen", "\u212Aubeconfig", "na\u017Fme", "\u00e9tag",
    ];

    [Theory]
    [MemberData(nameof(Edges))]
    public void Each_edge_case_gets_the_regex_verdict(string text) => AssertSameVerdicts(text);

    [Fact]
    public void Generated_names_and_tokens_get_the_regex_verdict()
    {
        var random = new Random(20261201);
        for (var i = 0; i < 20_000; i++)
        {
            var parts = random.Next(1, 6);
            var text = string.Concat(Enumerable.Range(0, parts).Select(_ => Pieces[random.Next(Pieces.Length)]));
            AssertSameVerdicts(text);
        }
    }

    [Theory]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("nodeCount", false)]
    [InlineData("ACCESS_KEY", true)]
    public void A_credential_word_in_any_case_names_a_credential(string keyName, bool names) =>
        Assert.Equal(names, SecretLiteralDetector.NamesCredential(keyName));

    private static void AssertSameVerdicts(string text)
    {
        Assert.True(SecretLiteralDetector.SecretKeyName().IsMatch(text) == SecretLiteralDetector.NamesCredential(text), $"credential words: '{text}'");
        Assert.True(SecretLiteralDetector.ReferenceKeyName().IsMatch(text) == SecretLiteralDetector.NamesReference(text), $"reference words: '{text}'");
        Assert.True(SecretValueShapes.Digest().IsMatch(text) == SecretValueShapes.IsDigest(text), $"digest: '{text}'");
        Assert.True(SecretValueShapes.DigestKeyName().IsMatch(text) == SecretValueShapes.NamesDigest(text), $"digest words: '{text}'");
    }
}
