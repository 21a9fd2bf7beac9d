using System.Text.Json;
using KoraInfra.Platform.Input;
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
            BoundedInput.Check(configJson, ConfigVariable, InputLimits.PulumiConfig);
            BoundedInput.Check(secretKeysJson ?? string.Empty, SecretKeysVariable, InputLimits.PulumiConfig);
            values = JsonSerializer.Deserialize<Dictionary<string, string>>(configJson, JsonLimits);
            secretKeys = string.IsNullOrWhiteSpace(secretKeysJson)
                ? []
                : JsonSerializer.Deserialize<HashSet<string>>(secretKeysJson, JsonLimits) ?? [];
        }
        catch (InputRefusedException ex)
        {
            problems.Add(new SettingsProblem(location, "(config)", ex.Problem.Found, ex.Problem.Expected));
            return new SettingsSource(origin, stackName, entries, problems);
        }
        catch (JsonException ex)
        {
            problems.Add(new SettingsProblem(location, "(config)", $"configuration that is not a JSON object of strings ({ex.Message})", "what the Pulumi engine passes"));
            return new SettingsSource(origin, stackName, entries, problems);
        }

        if (values?.Count > InputLimits.PulumiConfig.MaxItems)
        {
            problems.Add(new SettingsProblem(location, "(config)", $"{values.Count} keys, more than the {InputLimits.PulumiConfig.MaxItems} a stack may hold", $"at most {InputLimits.PulumiConfig.MaxItems} keys"));
            return new SettingsSource(origin, stackName, entries, problems);
        }

        foreach (var (key, text) in values ?? [])
        {
            var value = ParseValue(key, text, out var refused);
            if (refused is not null)
            {
                problems.Add(new SettingsProblem(location, CleanKey(key), refused.Found, refused.Expected));
                continue;
            }

            entries[CleanKey(key)] = new SettingNode(value, location, secretKeys.Contains(key) || secretKeys.Contains(CleanKey(key)));
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
    // so both become the same nodes a stack file gives, within the same limits.
    private static YamlNode ParseValue(string key, string text, out InputProblem? refused)
    {
        refused = null;
        if (text.Length > InputLimits.PulumiConfig.MaxStringLength)
        {
            refused = new InputProblem(ConfigVariable, null, $"a value of {text.Length} characters, longer than the {InputLimits.PulumiConfig.MaxStringLength} a setting may hold", $"values of at most {InputLimits.PulumiConfig.MaxStringLength} characters");
            return new YamlScalarNode(string.Empty);
        }

        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            var stream = BoundedYaml.Load(text, $"{ConfigVariable} '{key}'", InputLimits.PulumiConfig, out var problems);
            if (stream is { Documents.Count: 1 })
            {
                return stream.Documents[0].RootNode;
            }

            // A limit is a refusal; broken structure is kept as text, and the key's reader says what it expected.
            refused = problems.FirstOrDefault(p => !p.Found.StartsWith("broken YAML", StringComparison.Ordinal));
        }

        return new YamlScalarNode(text);
    }

    // The engine's JSON is flat (key to text); nesting lives inside the values, read above.
    private static readonly JsonSerializerOptions JsonLimits = new() { MaxDepth = 4 };
}
