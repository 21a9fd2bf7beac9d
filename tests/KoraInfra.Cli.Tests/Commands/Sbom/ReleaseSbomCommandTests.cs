using System.Text.Json.Nodes;
using KoraInfra.Cli.Tests.Support;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Sbom;
using KoraInfra.TestCases;

namespace KoraInfra.Cli.Tests.Commands.Sbom;

public sealed class ReleaseSbomCommandTests(SbomFixture sboms) : IClassFixture<SbomFixture>, IDisposable
{
    private readonly ReleaseWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Real_sboms_are_bound_signed_into_the_manifest_and_verified_and_a_changed_one_is_named()
    {
        var kora = Bind("--artifact", sboms.Artifact, sboms.KoraSbom);
        var tools = Bind("--image", ReleaseFixtures.Tools.ToString(), sboms.ToolsSbom);

        var promoted = _ws.Promote(_ws.Fresh(ReleaseFixtures.Staging() with { Images = ReleaseFixtures.FullReleaseImages, Sboms = [kora, tools] }));
        var verified = Verify();
        var stored = Path.Combine(_ws.Project, SbomStore.PathOf(tools.Digest));
        File.AppendAllText(stored, " ");
        var refused = Verify();

        Assert.Equal(new ImageReference("kora", ArtifactDigest.OfDirectory(sboms.Artifact)), kora.Subject);
        Assert.Equal(SbomStore.DigestOf(File.ReadAllBytes(sboms.KoraSbom)), kora.Digest);
        Assert.True(promoted.ExitCode == 0, promoted.All);
        Assert.Contains("PASS  sboms-bound", promoted.Output, StringComparison.Ordinal);
        var payload = JsonNode.Parse(Convert.FromBase64String((string)JsonNode.Parse(File.ReadAllText(_ws.Manifest("staging", "main-" + ReleaseFixtures.Commit[..12])))!["payload"]!))!;
        Assert.Equal(tools.Digest, (string?)payload["predicate"]!["sboms"]![1]!["digest"]);
        Assert.Equal("application/vnd.cyclonedx+json", (string?)payload["predicate"]!["sboms"]![1]!["mediaType"]);
        Assert.True(verified.ExitCode == 0, verified.All);
        Assert.Contains($"PASS  sbom 'kora' {kora.Digest} describes {kora.Subject}", verified.Output, StringComparison.Ordinal);
        Assert.Contains("2 SBOM(s) intact", verified.Output, StringComparison.Ordinal);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"sbom 'kora-tools' ({SbomStore.PathOf(tools.Digest)}): the file's digest is {SbomStore.DigestOf(File.ReadAllBytes(stored))}, not the {tools.Digest} the manifest binds", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("sbom 'kora' (", refused.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_sbom_offered_for_another_image_or_another_build_is_refused_and_nothing_is_stored()
    {
        var asImage = Run("--sbom", sboms.KoraSbom, "--image", ReleaseFixtures.Tools.ToString());
        var otherBuild = Run("--sbom", sboms.KoraSbom, "--artifact", sboms.OtherArtifact);
        var otherDigest = Run("--sbom", sboms.ToolsSbom, "--image", ReleaseFixtures.Image(ReleaseFixtures.Tools.Name, 'f').ToString());

        Assert.Equal([1, 1, 1], new[] { asImage.ExitCode, otherBuild.ExitCode, otherDigest.ExitCode });
        Assert.Contains("metadata.component.name is 'kora', but the SBOM is offered for 'ghcr.io/koraos/kora-tools'", asImage.Error, StringComparison.Ordinal);
        Assert.Contains($"not the digest {ArtifactDigest.OfDirectory(sboms.OtherArtifact)} of kora: the SBOM describes another build", otherBuild.Error, StringComparison.Ordinal);
        Assert.Contains($"metadata.component.version is '{ReleaseFixtures.Tools.Digest}', not the digest sha256:ffff", otherDigest.Error, StringComparison.Ordinal);
        Assert.All(new[] { asImage, otherBuild, otherDigest }, r => Assert.EndsWith("nothing was stored\n", r.Error, StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(_ws.Project, SbomStore.Folder)));
    }

    [Fact]
    public void A_file_that_is_not_a_cyclonedx_sbom_is_refused_naming_it()
    {
        var spdx = _ws.EvidenceText("""{"spdxVersion": "SPDX-2.3", "bomFormat": "SPDX"}""", "image.spdx");

        var refused = Run("--sbom", spdx, "--image", ReleaseFixtures.Tools.ToString());
        var missing = Run("--sbom", spdx + ".absent", "--image", ReleaseFixtures.Tools.ToString());
        var both = Run("--sbom", spdx, "--image", ReleaseFixtures.Tools.ToString(), "--artifact", sboms.Artifact);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("refused: image.spdx.json: bomFormat: found 'SPDX'; expected 'CycloneDX'", refused.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("give exactly one of --image", both.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Promotion_refuses_evidence_whose_sbom_the_release_store_does_not_hold()
    {
        var kora = Bind("--artifact", sboms.Artifact, sboms.KoraSbom);
        File.Delete(Path.Combine(_ws.Project, SbomStore.PathOf(kora.Digest)));

        var run = _ws.Promote(_ws.Fresh(ReleaseFixtures.Staging() with { Sboms = [kora] }));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"FAIL  sboms-bound: {SbomEvidence.Requirement} -- missing: sbom 'kora' ({SbomStore.PathOf(kora.Digest)}): not in the release store", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_ws.Manifest("staging", "main-" + ReleaseFixtures.Commit[..12])));
        Assert.Equal("refused", (string?)_ws.LastEntry()["result"]);
    }

    [Fact]
    public void The_prod_gate_refuses_an_approved_rc_whose_sbom_was_changed_since()
    {
        const string Rc = "v1.4.0-rc.2";
        var commit = ReleaseWorkspace.CommitOf("v1.4.0");
        var images = ReleaseFixtures.FullReleaseImages.ToArray();
        var tools = Bind("--image", ReleaseFixtures.Tools.ToString(), sboms.ToolsSbom);
        Assert.Equal(0, _ws.Stage(commit, images).ExitCode);
        _ws.StoreRecords(Rc, commit, images);
        var rc = _ws.Promote(_ws.Fresh(ReleaseFixtures.Rc(Rc) with { Commit = commit, Images = images, Sboms = [tools] }));
        Assert.True(rc.ExitCode == 0, rc.All);
        File.WriteAllText(Path.Combine(_ws.Project, SbomStore.PathOf(tools.Digest)), File.ReadAllText(sboms.ToolsSbom).Replace("Npgsql", "Npgsqk", StringComparison.Ordinal));

        var ga = _ws.Promote(_ws.Ga("v1.4.0", Rc, images), Rc);

        Assert.Equal(1, ga.ExitCode);
        Assert.Contains("FAIL  from-approved-rc", ga.Output, StringComparison.Ordinal);
        Assert.Contains("sbom 'kora-tools'", ga.Output, StringComparison.Ordinal);
        Assert.Contains("the SBOM was changed after it was bound", ga.Output, StringComparison.Ordinal);
    }

    private KoraRun Run(params string[] args) => _ws.Kora(["release", "sbom", "--project-dir", _ws.Project, .. args]);

    private KoraRun Verify() => _ws.Kora("release", "verify", "--stack", "staging", "--key-file", _ws.VerifyKey, "--project-dir", _ws.Project);

    private SbomReference Bind(string option, string subject, string sbom)
    {
        var run = Run("--sbom", sbom, option, subject);
        Assert.True(run.ExitCode == 0, run.All);
        return ReleaseJson.Read<SbomReference>(run.Output, "kora release sbom output");
    }
}
