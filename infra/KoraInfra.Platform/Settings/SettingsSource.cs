namespace KoraInfra.Platform.Settings;

/// <summary>
/// The raw key/value settings of one stack, before validation: read from a
/// <c>Pulumi.&lt;stack&gt;.yaml</c> file offline, or from Pulumi's configuration inside the program.
/// </summary>
/// <param name="Origin">The file name or configuration origin, for messages.</param>
/// <param name="StackName">The stack the source belongs to (null when it could not be told).</param>
/// <param name="Entries">Every configuration key, fully qualified (<c>kora-infra:location</c>).</param>
/// <param name="Problems">Problems found while reading, before any key was interpreted.</param>
public sealed record SettingsSource(
    string Origin,
    string? StackName,
    IReadOnlyDictionary<string, SettingNode> Entries,
    IReadOnlyList<SettingsProblem> Problems)
{
    /// <summary>Whether the settings were read from a stack file (which must name its secrets provider).</summary>
    public bool IsStackFile { get; init; }

    /// <summary>The stack file's top-level <c>secretsprovider</c> value, when it has one.</summary>
    public SettingNode? SecretsProvider { get; init; }
}
