using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Workloads;

/// <summary>
/// Which image references an environment accepts. Staging and prod run only what was validated
/// ("apenas promocao de artefato ja validado"), so only a digest will do there; dev may follow a
/// tag. No environment follows <c>latest</c>: nobody can tell afterwards what ran.
/// </summary>
public static class ImagePolicy
{
    /// <summary>Why an image may not run in an environment, or null when it may.</summary>
    public static string? Violation(ContainerImage image, EnvironmentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.RequiresImageDigests && !image.IsPinnedByDigest)
        {
            return $"'{image}' is not pinned by digest; {profile.StackName} runs only images referenced as <repository>@sha256:<64 hex digits>";
        }

        if (!image.IsPinnedByDigest && image.Tag == "latest")
        {
            return $"'{image}' follows 'latest'; name a version tag or a digest";
        }

        return null;
    }
}
