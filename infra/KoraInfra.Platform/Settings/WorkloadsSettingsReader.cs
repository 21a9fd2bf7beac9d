using System.Text.RegularExpressions;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Workloads;

namespace KoraInfra.Platform.Settings;

/// <summary>Reads <c>kora-infra:workloads</c>: the n8n image (checked against the environment's image policy) and host.</summary>
internal static partial class WorkloadsSettingsReader
{
    public const string Key = "workloads";

    public static WorkloadsSettings? Read(SettingsReader reader, EnvironmentProfile profile)
    {
        var workloads = reader.Mapping(Key, required: true);
        if (workloads is null)
        {
            return null;
        }

        var expectedImage = profile.RequiresImageDigests
            ? $"an image pinned by digest, such as 'n8nio/n8n@sha256:<64 hex digits>' ({profile.StackName} runs only validated artifacts; the release manifest supplies the digest)"
            : "an image reference with a version tag or a digest, such as 'n8nio/n8n:1.2.3' (not 'latest')";
        var reference = workloads.String("n8nImage", required: true, v => ContainerImage.TryParse(v) is { } image && ImagePolicy.Violation(image, profile) is null, expectedImage);
        var host = workloads.String("n8nHost", required: true, v => HostName().IsMatch(v) && v.Length <= 253, "a lowercase DNS host name such as 'n8n.dev.example.com'");
        workloads.RejectUnread(["n8nImage", "n8nHost"]);

        return reference is null || host is null ? null : new WorkloadsSettings(ContainerImage.Parse(reference), host);
    }

    [GeneratedRegex("^(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$")]
    private static partial Regex HostName();
}
