using YamlDotNet.RepresentationModel;

namespace KoraInfra.Platform.Settings;

/// <summary>
/// One configuration value as a YAML node (JSON, which Pulumi uses for structured values, is
/// YAML too), where it came from, and whether it was given as a secret.
/// </summary>
/// <param name="Value">The value. For a secret from a file, the ciphertext.</param>
/// <param name="Location">Where the value starts.</param>
/// <param name="IsSecret">Whether the value was given as a secret (<c>secure:</c>).</param>
public sealed record SettingNode(YamlNode Value, SourceLocation Location, bool IsSecret)
{
    /// <summary>The location of a node nested inside this value.</summary>
    public SourceLocation LocationOf(YamlNode child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return Location.IsFile ? Location.AtLine(checked((int)child.Start.Line)) : Location;
    }
}
