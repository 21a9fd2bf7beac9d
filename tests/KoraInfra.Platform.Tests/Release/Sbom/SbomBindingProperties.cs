using CsCheck;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Sbom;
using KoraInfra.TestCases;

namespace KoraInfra.Platform.Tests.Release.Sbom;

/// <summary>Any change to a bound SBOM file is detected, and only an SBOM of the subject binds to it.</summary>
public sealed class SbomBindingProperties
{
    [Fact]
    public void Any_byte_changed_inserted_or_removed_in_a_stored_sbom_is_detected()
    {
        var bytes = Boms.Bytes(Boms.Of(ReleaseFixtures.Tools.Name, ReleaseFixtures.Tools.Digest));
        var reference = SbomBinding.Bind(bytes, "tools.cdx.json", ReleaseFixtures.Tools);
        Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.Byte, Gen.Int[0, 2]).Sample(t =>
        {
            var (at, value, edit) = t;
            byte[] stored = edit switch
            {
                0 when bytes[at] != value => [.. bytes[..at], value, .. bytes[(at + 1)..]],
                0 => [.. bytes[..at], (byte)(value ^ 1), .. bytes[(at + 1)..]],
                1 => [.. bytes[..at], value, .. bytes[at..]],
                _ => [.. bytes[..at], .. bytes[(at + 1)..]],
            };

            var problem = Assert.Single(SbomEvidence.FileProblems([reference], _ => stored));

            Assert.Contains("the SBOM was changed after it was bound", problem, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void An_sbom_binds_only_to_the_digest_it_names()
    {
        var subject = ReleaseFixtures.Tools;
        var bytes = Boms.Bytes(Boms.Of(subject.Name, subject.Digest));
        Gen.String[Gen.Char["0123456789abcdef"], 64, 64].Where(hex => "sha256:" + hex != subject.Digest).Sample(hex =>
        {
            var other = subject with { Digest = "sha256:" + hex };

            Assert.Throws<ReleaseDocumentException>(() => SbomBinding.Bind(bytes, "tools.cdx.json", other));
        });
    }
}
