namespace KoraInfra.Components;

/// <summary>Turns Platform's tag decision into the map every taggable Azure resource takes.</summary>
internal static class Tagging
{
    public static Dictionary<string, string> ToInput(IReadOnlyDictionary<string, string> tags) =>
        tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
}
