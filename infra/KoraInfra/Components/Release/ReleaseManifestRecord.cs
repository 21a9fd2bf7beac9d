using KoraInfra.Platform.Release;
using Pulumi;

namespace KoraInfra.Components.Release;

/// <summary>
/// The release manifest a gated stack was admitted with, as a resource of type
/// <c>kora:release:ReleaseManifest</c>: the policy pack requires exactly one in staging and prod
/// and checks its fields; the stack's state records which signed release it runs.
/// It declares no cloud resource.
/// </summary>
public sealed class ReleaseManifestRecord : ComponentResource
{
    /// <summary>Registers the record.</summary>
    public ReleaseManifestRecord(string name, ReleaseManifestRecordArgs args, ComponentResourceOptions? options = null)
        : base(AdmittedRelease.ResourceType, name, args, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        Stack = args.Stack.ToOutput();
        Gate = args.Gate.ToOutput();
        Version = (args.Version ?? string.Empty).ToOutput();
        Commit = args.Commit.ToOutput();
        Images = args.Images.ToOutput();
        EnvelopeSha256 = args.EnvelopeSha256.ToOutput();

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["stack"] = Stack,
            ["gate"] = Gate,
            ["version"] = Version,
            ["commit"] = Commit,
            ["images"] = Images,
            ["envelopeSha256"] = EnvelopeSha256,
        });
    }

    /// <summary>The stack the manifest admits into.</summary>
    public Output<string> Stack { get; }

    /// <summary>The gate that admitted it.</summary>
    public Output<string> Gate { get; }

    /// <summary>The release version (empty for an untagged staging build).</summary>
    public Output<string> Version { get; }

    /// <summary>The commit built.</summary>
    public Output<string> Commit { get; }

    /// <summary>Images by digest: what the workloads of this stack must run.</summary>
    public Output<System.Collections.Immutable.ImmutableArray<string>> Images { get; }

    /// <summary>The signed envelope's hash.</summary>
    public Output<string> EnvelopeSha256 { get; }
}
