using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace KoraInfra.Cli.Output;

/// <summary>Writes a report as the one JSON document of standard output.</summary>
internal static class JsonOutput
{
    public static void Write<T>(TextWriter output, T report, JsonTypeInfo<T> type) => output.WriteLine(JsonSerializer.Serialize(report, type));
}
