using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Workloads;

namespace KoraInfra.Platform.Tests.Workloads;

public sealed class ContainerImageTests
{
    private static readonly string Digest = "sha256:" + new string('a', 64);

    [Theory]
    [InlineData("n8nio/n8n:2.19.5", "n8nio/n8n", "2.19.5", false)]
    [InlineData("redis:7.4-alpine", "redis", "7.4-alpine", false)]
    [InlineData("docker.n8n.io/n8nio/n8n:2.19.5", "docker.n8n.io/n8nio/n8n", "2.19.5", false)]
    [InlineData("registry.local:5000/kora/n8n:1.0", "registry.local:5000/kora/n8n", "1.0", false)]
    public void Tagged_references_parse_into_repository_and_tag(string reference, string repository, string tag, bool pinned)
    {
        var image = ContainerImage.TryParse(reference);

        Assert.NotNull(image);
        Assert.Equal(repository, image.Repository);
        Assert.Equal(tag, image.Tag);
        Assert.Equal(pinned, image.IsPinnedByDigest);
        Assert.Equal(reference, image.ToString());
    }

    [Fact]
    public void A_digest_pins_the_image_with_or_without_a_tag()
    {
        var bare = ContainerImage.Parse("n8nio/n8n@" + Digest);
        var both = ContainerImage.Parse("n8nio/n8n:2.19.5@" + Digest);

        Assert.True(bare.IsPinnedByDigest);
        Assert.Null(bare.Tag);
        Assert.True(both.IsPinnedByDigest);
        Assert.Equal("2.19.5", both.Tag);
        Assert.Equal("n8nio/n8n:2.19.5@" + Digest, both.ToString());
    }

    [Theory]
    [InlineData("n8nio/n8n")]
    [InlineData("N8nio/n8n:1.0")]
    [InlineData("n8nio/n8n@sha256:abc")]
    [InlineData("n8nio/n8n@sha256:" + "ABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCD")]
    [InlineData("n8nio/n8n:")]
    [InlineData("n8nio/n8n: 1.0")]
    [InlineData("")]
    public void Malformed_or_unpinned_without_tag_references_are_rejected(string reference)
    {
        Assert.Null(ContainerImage.TryParse(reference));
    }

    [Fact]
    public void Staging_and_prod_refuse_a_tag_and_accept_a_digest()
    {
        var tagged = ContainerImage.Parse("n8nio/n8n:2.19.5");
        var pinned = ContainerImage.Parse("n8nio/n8n@" + Digest);

        foreach (var profile in new[] { EnvironmentProfiles.Staging, EnvironmentProfiles.Prod })
        {
            Assert.Contains("not pinned by digest", ImagePolicy.Violation(tagged, profile), StringComparison.Ordinal);
            Assert.Null(ImagePolicy.Violation(pinned, profile));
        }

        Assert.Null(ImagePolicy.Violation(tagged, EnvironmentProfiles.Dev));
    }

    [Fact]
    public void No_environment_follows_latest()
    {
        var latest = ContainerImage.Parse("n8nio/n8n:latest");

        Assert.All(EnvironmentProfiles.All, profile => Assert.NotNull(ImagePolicy.Violation(latest, profile)));
    }
}
