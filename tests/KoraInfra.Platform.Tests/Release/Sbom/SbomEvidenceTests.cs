using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Sbom;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.TestCases;

namespace KoraInfra.Platform.Tests.Release.Sbom;

public sealed class SbomEvidenceTests
{
    private static readonly ImageReference Kora = new(SbomReference.KoraTool, "sha256:" + new string('e', 64));

    private readonly Dictionary<string, byte[]> _store = new(StringComparer.Ordinal);

    [Fact]
    public void Binding_refuses_an_sbom_of_another_artifact_or_build()
    {
        var tools = Boms.Bytes(Boms.Of(ReleaseFixtures.Tools.Name, ReleaseFixtures.Tools.Digest));

        var bound = SbomBinding.Bind(tools, "tools.cdx.json", ReleaseFixtures.Tools);
        var otherImage = Assert.Throws<ReleaseDocumentException>(() => SbomBinding.Bind(tools, "tools.cdx.json", ReleaseFixtures.Api));
        var otherBuild = Assert.Throws<ReleaseDocumentException>(() => SbomBinding.Bind(tools, "tools.cdx.json", ReleaseFixtures.Image(ReleaseFixtures.Tools.Name, 'f')));

        Assert.Equal(new SbomReference("kora-tools", "application/vnd.cyclonedx+json", SbomStore.DigestOf(tools), ReleaseFixtures.Tools), bound);
        Assert.StartsWith("tools.cdx.json: metadata.component.name is 'ghcr.io/koraos/kora-tools', but the SBOM is offered for 'ghcr.io/koraos/api'", otherImage.Message, StringComparison.Ordinal);
        Assert.Contains("the SBOM describes another build", otherBuild.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binding_accepts_the_full_reference_as_the_component_name_as_syft_writes_it_by_default()
    {
        var tools = Boms.Bytes(Boms.Of(ReleaseFixtures.Tools.ToString(), ReleaseFixtures.Tools.Digest));

        Assert.Equal(ReleaseFixtures.Tools, SbomBinding.Bind(tools, "tools.cdx.json", ReleaseFixtures.Tools).Subject);
    }

    [Fact]
    public void Intact_stored_sboms_have_no_problem()
    {
        var sboms = new[] { Store(Kora), Store(ReleaseFixtures.Tools) };

        Assert.Empty(SbomEvidence.ShapeProblems(sboms, ReleaseFixtures.FullReleaseImages));
        Assert.Empty(SbomEvidence.FileProblems(sboms, Read));
    }

    [Fact]
    public void A_changed_or_missing_file_is_named_with_both_digests()
    {
        var kora = Store(Kora);
        var tools = Store(ReleaseFixtures.Tools);
        var path = SbomStore.PathOf(tools.Digest);
        _store[path] = [.. _store[path], (byte)' '];
        _store.Remove(SbomStore.PathOf(kora.Digest));

        var problems = SbomEvidence.FileProblems([kora, tools], Read);

        Assert.Equal(
            [
                $"sbom 'kora' ({SbomStore.PathOf(kora.Digest)}): not in the release store; expected the SBOM file the manifest binds",
                $"sbom 'kora-tools' ({path}): the file's digest is {SbomStore.DigestOf(_store[path])}, not the {tools.Digest} the manifest binds: the SBOM was changed after it was bound",
            ],
            problems);
    }

    [Fact]
    public void A_stored_file_of_the_right_digest_must_still_describe_the_subject()
    {
        // Evidence typed by hand may pair a real SBOM's digest with another subject.
        var api = Store(ReleaseFixtures.Tools) with { Name = "api", Subject = ReleaseFixtures.Api };

        var problem = Assert.Single(SbomEvidence.FileProblems([api], Read));

        Assert.Contains("metadata.component.name is 'ghcr.io/koraos/kora-tools', but the SBOM is offered for 'ghcr.io/koraos/api'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Shape_problems_name_the_media_type_digest_subject_and_duplicates()
    {
        var tools = Store(ReleaseFixtures.Tools);
        IReadOnlyList<SbomReference> sboms =
        [
            tools with { MediaType = "application/spdx+json" },
            tools with { Digest = "sha256:../../etc" },
            tools with { Subject = ReleaseFixtures.Image(ReleaseFixtures.Tools.Name, 'f') },
            tools with { Name = "n8n", Subject = ReleaseFixtures.Image("docker.io/n8nio/n8n", 'c') },
        ];

        var problems = SbomEvidence.ShapeProblems(sboms, ReleaseFixtures.FullReleaseImages);

        Assert.Equal(
            [
                "sboms: 'kora-tools': mediaType 'application/spdx+json'; expected 'application/vnd.cyclonedx+json'",
                "sboms: 'kora-tools': digest 'sha256:../../etc'; expected 'sha256:<64 lowercase hex>' of the SBOM file",
                $"sboms: 'kora-tools': its subject {ReleaseFixtures.Image(ReleaseFixtures.Tools.Name, 'f')} is not the release's image {ReleaseFixtures.Tools} (an SBOM of another build)",
                $"sboms: 'n8n': its subject {ReleaseFixtures.Image("docker.io/n8nio/n8n", 'c')} is neither an image of the release nor the kora tool",
                "sboms: 'kora-tools' appears 3 times; expected one SBOM per artifact",
            ],
            problems);
        Assert.Empty(SbomEvidence.FileProblems([sboms[1]], Read));
    }

    [Fact]
    public void A_manifest_whose_sbom_names_another_build_of_an_image_is_never_signed()
    {
        using var key = ReleaseFixtures.NewKey();
        var manifest = ReleaseFixtures.RcManifest(ReleaseFixtures.Rc() with { Images = ReleaseFixtures.FullReleaseImages }) with
        {
            Sboms = [Store(ReleaseFixtures.Tools) with { Subject = ReleaseFixtures.Image(ReleaseFixtures.Tools.Name, 'f') }],
        };

        var refused = Assert.Throws<ReleaseDocumentException>(() => ReleaseManifestSigner.Sign(manifest, key));

        Assert.Contains("sboms: 'kora-tools': its subject", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offered_sboms_become_a_gate_condition_and_are_signed_into_the_manifest()
    {
        var evidence = ReleaseFixtures.Staging() with { Images = ReleaseFixtures.FullReleaseImages, Sboms = [Store(Kora), Store(ReleaseFixtures.Tools)] };
        var context = ReleaseFixtures.StagingContext();

        var withoutStore = Gatekeeper.Evaluate(evidence, null, context);
        var withStore = Gatekeeper.Evaluate(evidence, null, context with { ReadReleaseStore = Read });
        using var key = ReleaseFixtures.NewKey();
        var manifest = Gatekeeper.ManifestFor(evidence, withStore, ReleaseFixtures.Now);
        var verified = ReleaseManifestVerifier.Verify(ReleaseManifestSigner.Sign(manifest, key), key, "staging");

        var failed = Assert.Single(withoutStore.Failures);
        Assert.Equal(SbomEvidence.ConditionId, failed.Id);
        Assert.Contains("sbom 'kora' (releases/sboms/", failed.Missing, StringComparison.Ordinal);
        Assert.True(withStore.Passed, string.Join("; ", withStore.Failures));
        Assert.Equal(evidence.Sboms, verified.Manifest!.Sboms);
    }

    [Fact]
    public void Evidence_without_sboms_gets_no_sbom_condition()
    {
        var report = Gatekeeper.Evaluate(ReleaseFixtures.Staging(), null, ReleaseFixtures.StagingContext());

        Assert.DoesNotContain(report.Conditions, c => c.Id == SbomEvidence.ConditionId);
    }

    private byte[]? Read(string path) => _store.GetValueOrDefault(path);

    private SbomReference Store(ImageReference subject)
    {
        var bytes = Boms.Bytes(Boms.Of(subject.Name, subject.Digest));
        var reference = SbomBinding.Bind(bytes, subject.Name + ".cdx.json", subject);
        _store[SbomStore.PathOf(reference.Digest)] = bytes;
        return reference;
    }
}
