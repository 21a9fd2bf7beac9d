using System.Text.Json;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>
/// Tolerant reads of JSON values: resources come from several formats, and a missing or odd value
/// is a finding, not a crash. A value that is absent, or a JSON null, reads as null.
/// </summary>
/// <remarks>
/// Loops over the elements rather than LINQ: LINQ over <see cref="JsonElement"/> (a framework
/// value type) is generic code ReadyToRun cannot precompile, JIT-compiled on every run.
/// </remarks>
internal static class Json
{
    private static readonly JsonElement EmptyArray = JsonElement.Parse("[]");

    public static string? Text(JsonElement? value) => value is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;

    public static bool? Flag(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } text when bool.TryParse(text.GetString(), out var parsed) => parsed,
        _ => null,
    };

    /// <summary>A member of an object, or null when the value is no object, lacks it or holds null there.</summary>
    public static JsonElement? Get(JsonElement? value, string name) =>
        value is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var member) && member.ValueKind != JsonValueKind.Null ? member : null;

    /// <summary>Whether a value is a JSON object.</summary>
    public static bool IsObject(JsonElement? value) => value is { ValueKind: JsonValueKind.Object };

    /// <summary>The items of an array; none when the value is no array.</summary>
    public static JsonElement.ArrayEnumerator Items(JsonElement? value) =>
        (value is { ValueKind: JsonValueKind.Array } array ? array : EmptyArray).EnumerateArray();

    /// <summary>The number of items of an array; 0 when the value is no array.</summary>
    public static int Count(JsonElement? value) => value is { ValueKind: JsonValueKind.Array } array ? array.GetArrayLength() : 0;

    /// <summary>The texts of an array's string items, in order (other items are left out).</summary>
    public static List<string> Texts(JsonElement? value)
    {
        var texts = new List<string>();
        foreach (var item in Items(value))
        {
            if (Text(item) is { } text)
            {
                texts.Add(text);
            }
        }

        return texts;
    }

    /// <summary>The object items of an array, in order (other items are left out); none when the value is no array.</summary>
    public static JsonElement[] Objects(JsonElement? value)
    {
        var count = 0;
        foreach (var item in Items(value))
        {
            count += item.ValueKind == JsonValueKind.Object ? 1 : 0;
        }

        var objects = new JsonElement[count];
        var next = 0;
        foreach (var item in Items(value))
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                objects[next++] = item;
            }
        }

        return objects;
    }
}
