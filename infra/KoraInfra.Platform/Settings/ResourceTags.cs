using System.Collections.Immutable;

namespace KoraInfra.Platform.Settings;

/// <summary>
/// The tags every taggable resource of a stack carries: the four required ones from the stack
/// file, any extra ones it adds, and the ones KoraInfra sets itself.
/// </summary>
public sealed record ResourceTags
{
    /// <summary>The tags a stack file must set.</summary>
    public static IReadOnlyList<string> Required { get; } = ["environment", "owner", "data-classification", "cost-center"];

    /// <summary>Tags KoraInfra sets itself; a stack file may not set them.</summary>
    public static IReadOnlyDictionary<string, string> Managed { get; } = ManagedTags();

    /// <summary>All tags, sorted by name, ready to apply.</summary>
    public required ImmutableSortedDictionary<string, string> All { get; init; }

    /// <summary>The value of the <c>environment</c> tag.</summary>
    public string Environment => All["environment"];

    /// <summary>The value of the <c>owner</c> tag.</summary>
    public string Owner => All["owner"];

    // A SortedList, not a SortedDictionary or an immutable one: their code over KeyValuePair and
    // other structs is JIT-compiled when a validate first reads the tags (ReadyToRun cannot
    // precompile it).
    private static SortedList<string, string> ManagedTags() => new(StringComparer.Ordinal)
    {
        ["managed-by"] = "pulumi",
        ["project"] = "kora-infra",
    };
}
