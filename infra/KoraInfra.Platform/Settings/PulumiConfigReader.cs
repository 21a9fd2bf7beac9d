using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KoraInfra.Platform.Settings;

/// <summary>
/// Reads the stack configuration the Pulumi engine hands a program: the <c>PULUMI_CONFIG</c>
/// JSON object (<c>"kora-infra:key": "value"</c>, structured values as JSON text) and the
/// <c>PULUMI_CONFIG_SECRET_KEYS</c> JSON array. Reading every key, not only the known ones, is
/// what lets the program refuse a misspelt key instead of silently using a default.
/// </summary>
public static class PulumiConfigReader
{
    /// <summary>The environment variable holding the configuration.</summary>
    public const string ConfigVariable = "PULUMI_CONFIG";

    /// <summary>The environment variable listing which keys are secret.</summary>
    public const string SecretKeysVariable = "PULUMI_CONFIG_SECRET_KEYS";

    /// <summary>Reads the configuration of <paramref name="stackName"/> from the process environment.</summary>
    public static SettingsSource FromEnvironment(string stackName) => Read(
        stackName,
        Environment.GetEnvironmentVariable(ConfigVariable),
        Environment.GetEnvironmentVariable(SecretKeysVariable));

    /// <summary>Reads configuration JSON as the engine passes it.</summary>
    public static SettingsSource Read(string stackName, string? configJson, string? secretKeysJson)
    {
        var origin = $"stack '{stackName}' configuration";
        var location = new SourceLocation(origin) { IsFile = false };
        var problems = new List<SettingsProblem>();
        var entries = new Dictionary<string, SettingNode>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(configJson))
        {
            problems.Add(new SettingsProblem(location, "(config)", "no configuration", $"the settings of Pulumi.{stackName}.yaml (run 'pulumi stack select {stackName}')"));
            return new SettingsSource(origin, stackName, entries, problems);
        }

        Dictionary<string, string>? values;
        HashSet<string> secretKeys;
        try
        {
            values = JsonSerializer.Deserialize<Dictionary<string, string>>(configJson);
            secretKeys = string.IsNullOrWhiteSpace(secretKeysJson)
                ? []
                : JsonSerializer.Deserialize<HashSet<string>>(secretKeysJson) ?? [];
        }
        catch (JsonException ex)
        {
            problems.Add(new SettingsProblem(location, "(config)", $"configuration that is not a JSON object of strings ({ex.Message})", "what the Pulumi engine passes"));
            return new SettingsSource(origin, stackName, entries, problems);
        }

        foreach (var (key, text) in values ?? [])
        {
            entries[CleanKey(key)] = new SettingNode(ParseValue(text), location, secretKeys.Contains(key) || secretKeys.Contains(CleanKey(key)));
        }

        return new SettingsSource(origin, stackName, entries, problems);
    }

    // Older engines write "project:config:key"; the SDK reads it as "project:key", and so do we.
    private static string CleanKey(string key)
    {
        var parts = key.Split(':');
        return parts.Length == 3 && parts[1] == "config" ? $"{parts[0]}:{parts[2]}" : key;
    }

    // Pulumi passes structured values as JSON text and plain values as text; JSON parses as YAML,
    // so both become the same nodes a stack file gives.
    private static YamlNode ParseValue(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                var stream = new YamlStream();
                using var reader = new StringReader(text);
                stream.Load(reader);
                if (stream.Documents.Count == 1)
                {
                    return stream.Documents[0].RootNode;
                }
            }
            catch (YamlException)
            {
                // Not structured after all: keep the text, and let the key's reader say what it expected.
            }
        }

        return new YamlScalarNode(text);
    }
}
