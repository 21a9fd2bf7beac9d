using System.Security.Cryptography;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.TestCases;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>
/// Every way a release key can fail to load, with the message an operator reads: where the key
/// came from, what was wrong, what is expected. Keys are made at run time.
/// </summary>
public sealed class ReleaseKeyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kora-key-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Text_that_holds_no_pem_is_refused_naming_its_origin_and_the_pem_expected()
    {
        var ex = Assert.Throws<ReleaseKeyException>(() => ReleaseSigningKey.FromPem("not a key", "environment variable KORA_RELEASE_VERIFY_KEY"));

        Assert.StartsWith("environment variable KORA_RELEASE_VERIFY_KEY: not a PEM EC key (", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("); expected an ECDSA P-256 key in PEM ('-----BEGIN PUBLIC KEY-----' or '-----BEGIN PRIVATE KEY-----')", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pem_of_another_algorithm_is_refused_as_not_a_usable_ec_key()
    {
        using var rsa = RSA.Create(2048);

        var ex = Assert.Throws<ReleaseKeyException>(() => ReleaseSigningKey.FromPem(rsa.ExportSubjectPublicKeyInfoPem(), "key file 'release.pem'"));

        Assert.StartsWith("key file 'release.pem': not a usable EC key (", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("); expected an ECDSA P-256 key in PEM", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_on_another_curve_is_refused_naming_the_curve_expected()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        var ex = Assert.Throws<ReleaseKeyException>(() => ReleaseSigningKey.FromPem(p384.ExportSubjectPublicKeyInfoPem(), "test key"));

        Assert.Equal("test key: the key is not on curve P-256; expected an ECDSA P-256 key", ex.Message);
    }

    [Fact]
    public void A_key_file_that_does_not_exist_is_named_and_the_environment_is_not_read_instead()
    {
        var missing = Path.Combine(_dir, "release.pem");
        var read = new List<string>();

        var ex = Assert.Throws<ReleaseKeyException>(() => ReleaseSigningKey.Load(missing, ReleaseSigningKey.SigningKeyVariable, v =>
        {
            read.Add(v);
            return null;
        }));

        Assert.Equal($"key file '{missing}' does not exist; expected a PEM file written from the vault at run time", ex.Message);
        Assert.Empty(read);
    }

    [Fact]
    public void A_key_file_is_read_and_a_bad_one_is_named_by_its_path()
    {
        using var key = ReleaseFixtures.NewKey();
        var good = Path.Combine(_dir, "release.pem");
        File.WriteAllText(good, key.ExportPkcs8PrivateKeyPem());
        var bad = Path.Combine(_dir, "bad.pem");
        File.WriteAllText(bad, "garbage");

        using var loaded = ReleaseSigningKey.Load(good, ReleaseSigningKey.SigningKeyVariable, _ => throw new InvalidOperationException("the environment is not read when a key file is given"));
        Assert.Equal(ReleaseSigningKey.KeyId(key), ReleaseSigningKey.KeyId(loaded));
        Assert.StartsWith($"key file '{bad}': not a PEM EC key (", Assert.Throws<ReleaseKeyException>(() => ReleaseSigningKey.Load(bad, ReleaseSigningKey.SigningKeyVariable, _ => null)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n ")]
    public void An_unset_or_blank_variable_says_both_ways_to_provide_the_key(string? value)
    {
        var ex = Assert.Throws<ReleaseKeyException>(() => ReleaseSigningKey.Load(null, ReleaseSigningKey.SigningKeyVariable, v => v == ReleaseSigningKey.SigningKeyVariable ? value : "unrelated"));

        Assert.Equal("no release key: pass a PEM file with --key-file or set KORA_RELEASE_SIGNING_KEY (from the vault, never from the repository)", ex.Message);
    }

    [Fact]
    public void A_bad_key_in_the_variable_is_named_by_the_variable()
    {
        var ex = Assert.Throws<ReleaseKeyException>(() => ReleaseSigningKey.Load(null, ReleaseSigningKey.VerificationKeyVariable, _ => "garbage"));

        Assert.StartsWith("environment variable KORA_RELEASE_VERIFY_KEY: not a PEM EC key (", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_id_is_the_sha256_of_the_public_key_info_in_lowercase_hex()
    {
        using var key = ReleaseFixtures.NewKey();

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo())), ReleaseSigningKey.KeyId(key));
        Assert.Matches("^[0-9a-f]{64}$", ReleaseSigningKey.KeyId(key));
    }
}
