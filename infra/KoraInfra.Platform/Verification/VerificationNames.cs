using System.Text.Json;

namespace KoraInfra.Platform.Verification;

/// <summary>The names kinds go by in records, file names and messages (<c>restore-drill</c>, <c>fault-injection</c>, …).</summary>
public static class VerificationNames
{
    /// <summary>A kind's name, as the JSON writes it.</summary>
    public static string Of(VerificationKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    /// <summary>Every kind by name.</summary>
    public static IReadOnlyDictionary<string, VerificationKind> ByName { get; } =
        Enum.GetValues<VerificationKind>().ToDictionary(Of, k => k, StringComparer.Ordinal);
}
