using KoraInfra.Platform.Release;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

using KoraInfra.TestCases;

namespace KoraInfra.Platform.Tests.Release;

public sealed class ReleaseAdmissionTests
{
    private const string ProdPath = "releases/prod/v1.4.0.dsse.json";

    [Fact]
    public void Dev_needs_no_manifest() =>
        Assert.Null(ReleaseAdmission.Admit(Settings("dev", release: null), _ => null, _ => null));

    [Fact]
    public void Prod_without_a_release_setting_is_refused_as_a_direct_deploy()
    {
        var ex = Assert.Throws<ReleaseRefusedException>(() => ReleaseAdmission.Admit(Settings("prod", release: null), _ => null, _ => null));

        Assert.Contains("'kora-infra:release' is not set; nothing was declared", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a direct deploy is refused", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_with_a_valid_manifest_is_admitted()
    {
        using var key = ReleaseFixtures.NewKey();
        var envelope = ReleaseManifestSigner.Sign(ProdManifest(key), key);

        var admitted = ReleaseAdmission.Admit(Settings("prod", ProdPath), p => p == ProdPath ? envelope : null, Env(key));

        Assert.NotNull(admitted);
        Assert.Equal("v1.4.0", admitted.Version);
        Assert.Equal("deploy-prod", admitted.Gate);
        Assert.StartsWith("sha256:", admitted.EnvelopeSha256, StringComparison.Ordinal);
        Assert.Contains("po:paula@", admitted.Approvals[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_with_the_staging_rc_manifest_is_refused()
    {
        using var key = ReleaseFixtures.NewKey();
        var envelope = ReleaseManifestSigner.Sign(ReleaseFixtures.RcManifest(), key);

        var ex = Assert.Throws<ReleaseRefusedException>(() => ReleaseAdmission.Admit(Settings("prod", ProdPath), _ => envelope, Env(key)));

        Assert.Contains("is for stack 'staging', not 'prod'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_with_a_manifest_signed_by_another_key_is_refused()
    {
        using var key = ReleaseFixtures.NewKey();
        using var other = ReleaseFixtures.NewKey();
        var envelope = ReleaseManifestSigner.Sign(ProdManifest(key), other);

        var ex = Assert.Throws<ReleaseRefusedException>(() => ReleaseAdmission.Admit(Settings("prod", ProdPath), _ => envelope, Env(key)));

        Assert.Contains("no signature verifies", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_without_a_verification_key_is_refused()
    {
        var ex = Assert.Throws<ReleaseRefusedException>(() => ReleaseAdmission.Admit(Settings("prod", ProdPath), _ => "{}", _ => null));

        Assert.Contains("KORA_RELEASE_VERIFY_KEY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_manifest_file_is_named()
    {
        var ex = Assert.Throws<ReleaseRefusedException>(() => ReleaseAdmission.Admit(Settings("staging", "releases/staging/x.dsse.json"), _ => null, _ => null));

        Assert.Contains("'releases/staging/x.dsse.json' named by 'kora-infra:release' does not exist", ex.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Env(System.Security.Cryptography.ECDsa key)
    {
        var pem = key.ExportSubjectPublicKeyInfoPem();
        return name => name == ReleaseSigningKey.VerificationKeyVariable ? pem : null;
    }

    private static KoraInfra.Platform.Release.Manifest.ReleaseManifest ProdManifest(System.Security.Cryptography.ECDsa key)
    {
        var prod = ReleaseFixtures.Prod();
        var approvedRc = ReleaseFixtures.ApprovedRc(key);
        return Gatekeeper.ManifestFor(prod, ProdDeployGate.Evaluate(prod, approvedRc, ReleaseFixtures.ProdContext(approvedRc)), ReleaseFixtures.Now);
    }

    private static StackSettings Settings(string stack, string? release)
    {
        var text = File.ReadAllText(Repository.StackFile(stack));
        if (release is not null)
        {
            text += $"  kora-infra:release: {release}\n";
        }

        return StackSettingsBinder.Bind(StackFileReader.Read($"Pulumi.{stack}.yaml", text)).Require();
    }
}
