using System.Text.Json;

namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>The names experiments go by on the command line, in resource names and in records (<c>n8n-worker-pod-kill</c>, …).</summary>
public static class FaultExperimentNames
{
    /// <summary>An experiment's name.</summary>
    public static string Of(FaultExperimentKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    /// <summary>Every experiment by name.</summary>
    public static IReadOnlyDictionary<string, FaultExperimentKind> ByName { get; } =
        Enum.GetValues<FaultExperimentKind>().ToDictionary(Of, k => k, StringComparer.Ordinal);

    /// <summary>The names, for messages.</summary>
    public static string Expected => string.Join(", ", ByName.Keys);
}
