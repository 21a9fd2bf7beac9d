using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Workloads;

namespace KoraInfra.Platform.Response;

/// <summary>
/// Which responder image a stack runs. The responder is built by this repository, like the kora
/// tools image, so its digest comes from the verified release manifest (release/images.txt), not
/// from a stack setting; without one (dev, a branch build) the branch tag runs, which staging and
/// prod refuse.
/// </summary>
public static class ResponderImage
{
    /// <summary>The responder's repository (infra/KoraInfra.Responder/Dockerfile).</summary>
    public const string Repository = "ghcr.io/koraos/kora-responder";

    /// <summary>The image of a branch build (dev).</summary>
    public const string BranchImage = Repository + ":main";

    /// <summary>The release's responder image (by digest), or the branch image when the release carries none.</summary>
    public static ContainerImage For(IEnumerable<ImageReference>? releasedImages) =>
        ContainerImage.Parse(releasedImages?.FirstOrDefault(i => i.Name == Repository)?.ToString() ?? BranchImage);

    /// <summary>
    /// The image for an environment, refused (with what would be right) where it may not run: a
    /// tag in staging or prod, where only an already validated artifact is promoted.
    /// </summary>
    /// <exception cref="InvalidOperationException">The image breaks the environment's image policy.</exception>
    public static ContainerImage Admit(IEnumerable<ImageReference>? releasedImages, EnvironmentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var image = For(releasedImages);
        return ImagePolicy.Violation(image, profile) is { } violation
            ? throw new InvalidOperationException($"the responder image {violation}; the release manifest must list {Repository}@sha256:<digest> (release/images.txt)")
            : image;
    }
}
