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
    public static IReadOnlyDictionary<string, string> Managed => ManagedTags.All;

    /// <summary>All tags, sorted by name, ready to apply.</summary>
    public required ImmutableSortedDictionary<string, string> All { get; init; }

    /// <summary>The value of the <c>environment</c> tag.</summary>
    public string Environment => All["environment"];

    /// <summary>The value of the <c>owner</c> tag.</summary>
    public string Owner => All["owner"];

    // Built on first use, not with Required: the policy report reads Required (KORA-002), and a
    // SortedDictionary is framework generic code over a value type (its KeyValuePair nodes) that
    // ReadyToRun cannot precompile, JIT-compiled in every report that built it here.
    private static class ManagedTags
    {
        public static readonly IReadOnlyDictionary<string, string> All = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["managed-by"] = "pulumi",
            ["project"] = "kora-infra",
        };
    }
}
