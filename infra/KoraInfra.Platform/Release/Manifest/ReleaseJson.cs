using System.Text.Json;
using System.Text.Json.Serialization;
using KoraInfra.Platform.Input;

namespace KoraInfra.Platform.Release.Manifest;

/// <summary>
/// The one JSON dialect of release documents (manifests, promotion evidence): camelCase,
/// kebab-case enum values, versions and images as their tag text, and strict reading: an unknown
/// or missing property is an error, never a silent default.
/// </summary>
public static class ReleaseJson
{
    /// <summary>Options for reading and writing release documents.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Reads a document, turning every JSON problem into one message that names where it is.</summary>
    public static T Read<T>(string json, string what)
    {
        try
        {
            BoundedJson.Check(json, what, InputLimits.ReleaseDocument);
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new ReleaseDocumentException($"{what}: the document is 'null'; expected a JSON object");
        }
        catch (InputRefusedException ex)
        {
            throw new ReleaseDocumentException(ex.Message, ex);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, {ex.Path})" : string.Empty;
            throw new ReleaseDocumentException($"{what}{where}: {FirstSentence(ex.Message)}", ex);
        }
    }

    /// <summary>Writes a document, indented for reviewers.</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends "Path: … | LineNumber: …" which the prefix already says.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new TextConverter<ReleaseVersion>(ReleaseVersion.TryParse, ReleaseVersion.Expected));
        options.Converters.Add(new TextConverter<ImageReference>(ImageReference.TryParse, ImageReference.Expected));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class TextConverter<T>(Func<string?, T?> parse, string expected) : JsonConverter<T>
        where T : class
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"found {reader.TokenType}; expected {expected}");
            }

            var text = reader.GetString();
            return parse(text) ?? throw new JsonException($"found '{text}'; expected {expected}");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
