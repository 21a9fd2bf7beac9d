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

    /// <summary>Every string leaf below a node, with its key name.</summary>
    public static IEnumerable<(string Key, string Value)> Strings(JsonNode? node, string key = "")
    {
        // One list filled by plain recursion: nested iterators would cost an iterator per level
        // for every string of every resource.
        var strings = new List<(string Key, string Value)>();
        Collect(node, key, strings);
        return strings;
    }

    private static void Collect(JsonNode? node, string key, List<(string Key, string Value)> strings)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (childKey, child) in obj)
                {
                    Collect(child, childKey, strings);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, key, strings);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                strings.Add((key, text));
                break;
        }
    }
}
