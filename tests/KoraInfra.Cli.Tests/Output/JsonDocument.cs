using System.Text.Json;
using KoraInfra.Cli.Tests.Support;

namespace KoraInfra.Cli.Tests.Output;

/// <summary>A <c>--json</c> run's standard output, parsed: it must be exactly one JSON document.</summary>
internal static class JsonDocumentOf
{
    public static JsonElement Parse(KoraRun run)
    {
        Assert.False(string.IsNullOrWhiteSpace(run.Output), $"no JSON on standard output; stderr: {run.Error}");
        using var document = JsonDocument.Parse(run.Output);
        return document.RootElement.Clone();
    }

    public static IReadOnlyList<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();
}
