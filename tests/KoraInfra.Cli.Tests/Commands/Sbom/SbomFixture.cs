using KoraInfra.Platform.Release.Sbom;
using KoraInfra.TestCases;

namespace KoraInfra.Cli.Tests.Commands.Sbom;

/// <summary>
/// SBOMs made once per test class by the real generator: one of a kora artifact (a directory of
/// this build's kora assemblies), one shaped as the kora-tools image's (its .NET content, named
/// and versioned as syft names an image), and one of a different kora build.
/// </summary>
public sealed class SbomFixture : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kora-sbom-").FullName;

    public SbomFixture()
    {
        Artifact = Directory.CreateDirectory(Path.Combine(_dir, "kora")).FullName;
        OtherArtifact = Directory.CreateDirectory(Path.Combine(_dir, "kora-other")).FullName;
        foreach (var name in new[] { "kora.dll", "KoraInfra.Platform.dll" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, name), Path.Combine(Artifact, name));
            File.Copy(Path.Combine(AppContext.BaseDirectory, name), Path.Combine(OtherArtifact, name));
        }

        File.WriteAllText(Path.Combine(OtherArtifact, "patched.txt"), "a rebuilt artifact");
        var output = Directory.CreateDirectory(Path.Combine(_dir, "out")).FullName;
        KoraSbom = Support.CycloneDx.KoraSbom(output, SbomReference.KoraTool, ArtifactDigest.OfDirectory(Artifact));
        ToolsSbom = Support.CycloneDx.KoraSbom(output, ReleaseFixtures.Tools.Name, ReleaseFixtures.Tools.Digest, "Container");
    }

    /// <summary>The kora artifact the kora SBOM describes.</summary>
    public string Artifact { get; }

    /// <summary>Another build of kora (one file more).</summary>
    public string OtherArtifact { get; }

    public string KoraSbom { get; }

    public string ToolsSbom { get; }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
