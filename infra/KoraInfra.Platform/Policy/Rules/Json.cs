using System.Text.Json.Nodes;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>Tolerant reads of JSON values: resources come from several formats, and a missing or odd value is a finding, not a crash.</summary>
internal static class Json
{
    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool? Flag(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<string>(out var text) && bool.TryParse(text, out var parsed) => parsed,
        _ => null,
    };
}
