using KoraInfra.Platform.Policy.Rules;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>What KORA-040 and KORA-001 count as an image pinned by digest: a name ending in @sha256: and 64 lower-case hex digits.</summary>
public sealed class ImageDigestTests
{
    private const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("n8nio/n8n@sha256:" + Hex, true)]
    [InlineData("@sha256:" + Hex, true)]
    [InlineData("ghcr.io/koraos/kora-migrate:v1.4.0@sha256:" + Hex, true)]
    [InlineData("n8nio/n8n@sha256:" + Hex + "\n", true)]
    [InlineData("n8nio/n8n@sha256:" + Hex + "\n\n", false)]
    [InlineData("n8nio/n8n@sha256:" + Hex + " ", false)]
    [InlineData("n8nio/n8n@sha256:" + Hex + "0", false)]
    [InlineData("n8nio/n8n@sha256:" + Hex + "g", false)]
    [InlineData("n8nio/n8n@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    [InlineData("n8nio/n8n@sha256:123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    [InlineData("n8nio/n8n:sha256:" + Hex, false)]
    [InlineData("n8nio/n8n@sha512:" + Hex, false)]
    [InlineData("n8nio/n8n@SHA256:" + Hex, false)]
    [InlineData("n8nio/n8n:1.64.0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void An_image_is_pinned_only_by_a_sha256_digest_at_its_end(string? image, bool pinned)
    {
        Assert.Equal(pinned, ImagesByDigest.IsPinned(image));
    }
}
