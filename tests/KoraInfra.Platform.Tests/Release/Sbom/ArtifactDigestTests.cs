using System.Diagnostics;
using KoraInfra.Platform.Release.Sbom;

namespace KoraInfra.Platform.Tests.Release.Sbom;

public sealed class ArtifactDigestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kora-artifact-").FullName;

    public ArtifactDigestTests()
    {
        File.WriteAllText(Path.Combine(_dir, "kora.dll"), "MZ kora");
        File.WriteAllText(Path.Combine(_dir, "Kora.deps.json"), "{}");
        Directory.CreateDirectory(Path.Combine(_dir, "runtimes", "linux-x64"));
        File.WriteAllText(Path.Combine(_dir, "runtimes", "linux-x64", "native.so"), "ELF");
        File.WriteAllText(Path.Combine(_dir, "a b.txt"), "a space in a name");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Is_what_coreutils_print_for_the_sorted_sha256sum_listing()
    {
        // The documented recipe, run by the real tools, so the pipeline can compute it without kora.
        var start = new ProcessStartInfo("bash", ["-c", "find . -type f -printf '%P\\n' | LC_ALL=C sort | xargs -d '\\n' sha256sum | sha256sum | cut -d' ' -f1"])
        {
            WorkingDirectory = _dir,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var coreutils = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();

        Assert.Equal("sha256:" + coreutils, ArtifactDigest.OfDirectory(_dir));
    }

    [Fact]
    public void Changes_with_any_content_rename_or_added_file()
    {
        var before = ArtifactDigest.OfDirectory(_dir);

        File.AppendAllText(Path.Combine(_dir, "runtimes", "linux-x64", "native.so"), "!");
        var edited = ArtifactDigest.OfDirectory(_dir);
        File.Move(Path.Combine(_dir, "Kora.deps.json"), Path.Combine(_dir, "kora.deps.json"));
        var renamed = ArtifactDigest.OfDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "extra.dll"), string.Empty);
        var added = ArtifactDigest.OfDirectory(_dir);

        Assert.Equal(4, new[] { before, edited, renamed, added }.Distinct().Count());
    }

    [Fact]
    public void Refuses_an_empty_or_missing_directory()
    {
        var empty = Directory.CreateTempSubdirectory("kora-artifact-empty-").FullName;
        try
        {
            Assert.Contains("holds no file", Assert.Throws<ArgumentException>(() => ArtifactDigest.OfDirectory(empty)).Message, StringComparison.Ordinal);
            Assert.Throws<DirectoryNotFoundException>(() => ArtifactDigest.OfDirectory(Path.Combine(empty, "absent")));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
