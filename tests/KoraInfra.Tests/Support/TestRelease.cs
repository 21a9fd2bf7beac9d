using System.Security.Cryptography;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.TestCases;

namespace KoraInfra.Tests.Support;

/// <summary>
/// What the pipeline hands the program for a gated stack: a project root holding a signed
/// manifest, the manifest's path (the <c>kora-infra:release</c> value) and the verification key
/// (<c>KORA_RELEASE_VERIFY_KEY</c>). Keys are made per test; nothing is read from the repository.
/// </summary>
internal sealed record TestRelease(string RootDirectory, string? ManifestPath, string? VerifyKeyPem)
{
    /// <summary>No manifest at all: what a direct <c>pulumi up</c> has.</summary>
    public static TestRelease None { get; } = new(Repository.Root, null, null);

    /// <summary>A valid release for the stack, or <see cref="None"/> for a stack that needs none.</summary>
    public static TestRelease For(string stack)
    {
        if (!StackNames.TryParse(stack, out var environment) || !EnvironmentProfiles.For(environment).RequiresReleaseManifest)
        {
            return None;
        }

        using var key = ReleaseFixtures.NewKey();
        return Signed(ManifestFor(stack, key), key, key);
    }

    /// <summary>The manifest the pipeline would issue for a stack (prod from the approved RC).</summary>
    /// <remarks>
    /// A full release, as the pipeline builds it from release/images.txt: the application's images
    /// and the kora tools image the migration Job runs by digest.
    /// </remarks>
    public static ReleaseManifest ManifestFor(string stack, ECDsa key)
    {
        var rc = ReleaseFixtures.Rc() with { Images = ReleaseFixtures.FullReleaseImages };
        if (stack == "staging")
        {
            return ReleaseFixtures.RcManifest(rc);
        }

        var prod = ReleaseFixtures.Prod() with { Images = ReleaseFixtures.FullReleaseImages };
        var approvedRc = ReleaseFixtures.ApprovedRc(key, ReleaseFixtures.RcManifest(rc));
        var context = ReleaseFixtures.ProdContext(approvedRc) with { Records = ReleaseFixtures.Records(images: ReleaseFixtures.FullReleaseImages) };
        return Gatekeeper.ManifestFor(prod, ProdDeployGate.Evaluate(prod, approvedRc, context), ReleaseFixtures.Now);
    }

    /// <summary>A manifest signed by <paramref name="signer"/>, verified with <paramref name="trusted"/>.</summary>
    public static TestRelease Signed(ReleaseManifest manifest, ECDsa signer, ECDsa trusted) =>
        WithEnvelope(manifest.Stack, ReleaseManifestSigner.Sign(manifest, signer), trusted);

    /// <summary>Any envelope text at the stack's manifest path.</summary>
    public static TestRelease WithEnvelope(string stack, string envelope, ECDsa trusted)
    {
        var root = Directory.CreateTempSubdirectory("kora-release-root-").FullName;
        var relative = $"releases/{stack}/test.dsse.json";
        Directory.CreateDirectory(Path.Combine(root, "releases", stack));
        File.WriteAllText(Path.Combine(root, relative), envelope);
        return new TestRelease(root, relative, trusted.ExportSubjectPublicKeyInfoPem());
    }
}
