using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace KoraInfra.Cli.Output;

/// <summary>Writes a report as the one JSON document of standard output.</summary>
internal static class JsonOutput
{
    // Messages quote keys and values ('large'); the relaxed encoder keeps them readable, and the
    // document is printed, never embedded in HTML.
    private static readonly KoraJsonContext Context = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void Write<T>(TextWriter output, T report, Func<KoraJsonContext, JsonTypeInfo<T>> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        output.WriteLine(JsonSerializer.Serialize(report, type(Context)));
    }
}
