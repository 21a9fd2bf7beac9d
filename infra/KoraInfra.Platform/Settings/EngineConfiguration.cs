using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KoraInfra.Platform.Settings;

/// <summary>
/// Writes a stack file's settings the way the Pulumi engine hands them to a program
/// (<c>PULUMI_CONFIG</c>, <c>PULUMI_CONFIG_SECRET_KEYS</c>), so the program can run offline under
/// <c>Pulumi.Testing</c> mocks with a stack's committed settings. Secret values are passed as the
/// ciphertext the file holds: nothing is ever decrypted here.
/// </summary>
/// <param name="ConfigJson">The <c>PULUMI_CONFIG</c> value: a JSON object of strings.</param>
/// <param name="SecretKeysJson">The <c>PULUMI_CONFIG_SECRET_KEYS</c> value: a JSON array.</param>
public sealed record EngineConfiguration(string ConfigJson, string SecretKeysJson)
{
    /// <summary>Converts a stack file's settings.</summary>
    public static EngineConfiguration From(SettingsSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var secrets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, node) in source.Entries)
        {
            // The engine passes plain values as their text and structured values as JSON text.
            values[key] = node.Value is YamlScalarNode scalar ? scalar.Value ?? string.Empty : JsonSerializer.Serialize(Plain(node.Value));
            if (node.IsSecret)
            {
                secrets.Add(key);
            }
        }

        return new EngineConfiguration(JsonSerializer.Serialize(values), JsonSerializer.Serialize(secrets));
    }

    /// <summary>The same settings with some keys replaced (or added), for what-if runs and tests.</summary>
    public EngineConfiguration With(string key, string value)
    {
        var values = JsonSerializer.Deserialize<SortedDictionary<string, string>>(ConfigJson)!;
        values[key] = value;
        return this with { ConfigJson = JsonSerializer.Serialize(values) };
    }

    private static object? Plain(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value ?? string.Empty, c => Plain(c.Value), StringComparer.Ordinal),
        YamlSequenceNode list => list.Children.Select(Plain).ToList(),

        // Unquoted numbers and booleans are JSON numbers and booleans, as Pulumi writes them.
        YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text } when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } scalar => scalar.Value == "true",
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };
}
