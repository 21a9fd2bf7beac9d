using System.Text.Json;
using System.Text.Json.Nodes;

namespace KoraInfra.Platform.Policy.Snapshots;

/// <summary>Tolerant reads of JSON values: a value that is absent, or a JSON null, reads as null.</summary>
internal static class Json
{
    public static string? TextOf(JsonElement? value) => value is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;

    /// <summary>A member of an object, or null when the value is no object, lacks it or holds null there.</summary>
    public static JsonElement? Get(JsonElement? value, string name) =>
        value is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var member) && member.ValueKind != JsonValueKind.Null ? member : null;

    /// <summary>A member that is an object, or null.</summary>
    public static JsonElement? ObjectAt(JsonElement? value, string name) => Get(value, name) is { ValueKind: JsonValueKind.Object } obj ? obj : null;

    /// <summary>A member that is an array, or null.</summary>
    public static JsonElement? ArrayAt(JsonElement? value, string name) => Get(value, name) is { ValueKind: JsonValueKind.Array } array ? array : null;

    /// <summary>An element as a node, for an answer written with <see cref="JsonNode"/> (the node reads the element, as a parsed node does).</summary>
    public static JsonNode? NodeOf(JsonElement? value) => value switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Object } obj => JsonObject.Create(obj),
        { ValueKind: JsonValueKind.Array } array => JsonArray.Create(array),
        { } other => JsonValue.Create(other),
    };
}
