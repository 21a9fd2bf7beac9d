using System.Text.Json.Nodes;

namespace KoraInfra.Platform.Policy.Snapshots;

/// <summary>Tolerant text reads of JSON values.</summary>
internal static class Json
{
    public static string? TextOf(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
