using System.Collections.Immutable;

namespace KoraInfra.OfflinePlan;

/// <summary>A resource the program registered, as the mock monitor saw it.</summary>
/// <param name="Type">The type token, e.g. <c>azure-native:resources:ResourceGroup</c>.</param>
/// <param name="Name">The Pulumi logical name.</param>
/// <param name="Inputs">The known, non-null inputs (secrets unwrapped).</param>
/// <param name="Provider">The provider reference (<c>urn::id</c>), when one was passed.</param>
public sealed record RecordedResource(string Type, string Name, ImmutableDictionary<string, object> Inputs, string? Provider)
{
    /// <summary>A text input, or null.</summary>
    public string? Text(string input) => Inputs.TryGetValue(input, out var value) ? value as string : null;

    /// <summary>A map input, or an empty map.</summary>
    public ImmutableDictionary<string, object?> Map(string input) =>
        Inputs.TryGetValue(input, out var value) && value is ImmutableDictionary<string, object?> map ? map : ImmutableDictionary<string, object?>.Empty;

    /// <summary>A list input, or an empty list.</summary>
    public ImmutableArray<object?> List(string input) =>
        Inputs.TryGetValue(input, out var value) && value is ImmutableArray<object?> list ? list : [];
}
