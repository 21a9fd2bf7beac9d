using System.Text.RegularExpressions;
using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Settings;

/// <summary>
/// Reads <c>kora-infra:release</c>: the path, relative to the project directory, of the signed
/// release manifest the stack deploys (written by <c>kora promote</c> / <c>kora rollback</c>).
/// Only its shape is checked here, so <c>kora validate</c> stays offline and key-free: the
/// committed staging and prod files carry no release at all, and the program, not validation,
/// refuses to declare a staging or prod resource until a manifest verifies.
/// </summary>
internal static partial class ReleaseSettings
{
    /// <summary>The key, under <c>kora-infra:</c>.</summary>
    public const string Key = "release";

    public static string? Read(SettingsReader reader, EnvironmentProfile profile)
    {
        if (!profile.RequiresReleaseManifest)
        {
            if (reader.Has(Key))
            {
                reader.Problem(Key, "a release manifest for a stack that deploys from branch builds", $"no '{reader.KeyOf(Key)}' in {profile.StackName}: only staging and prod deploy from a signed release manifest");
            }

            reader.Accept(Key);
            return null;
        }

        return reader.String(
            Key,
            required: false,
            v => ManifestPath().IsMatch(v) && !v.Split('/').Contains(".."),
            "a relative path inside the project to a signed manifest, such as 'releases/prod/v1.4.0.dsse.json' (written by 'kora promote')");
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*\.dsse\.json$")]
    private static partial Regex ManifestPath();
}
