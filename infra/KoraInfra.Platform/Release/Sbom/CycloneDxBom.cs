using System.Text.Json;
using KoraInfra.Platform.Input;
using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Sbom;

/// <summary>
/// What a release needs to know of a CycloneDX JSON SBOM: that it is one, of a spec version the
/// release accepts, and the component it describes (<c>metadata.component</c>). The rest of the
/// document is the reviewer's and the scanners'; it is bound whole by its digest.
/// </summary>
/// <param name="SpecVersion">The document's <c>specVersion</c>.</param>
/// <param name="ComponentType">The described component's <c>type</c> (<c>application</c>, <c>container</c>, …), when given.</param>
/// <param name="ComponentName">The described component's <c>name</c>.</param>
/// <param name="ComponentVersion">The described component's <c>version</c>, when given.</param>
/// <param name="Components">How many components the SBOM lists.</param>
public sealed record CycloneDxBom(string SpecVersion, string? ComponentType, string ComponentName, string? ComponentVersion, int Components)
{
    /// <summary>The spec versions accepted: those that carry <c>metadata.component</c> the way the generators write it today.</summary>
    public static IReadOnlyList<string> SpecVersions { get; } = ["1.5", "1.6"];

    /// <summary>
    /// Reads an SBOM file's bytes within <see cref="InputLimits.Sbom"/>; throws
    /// <see cref="ReleaseDocumentException"/> naming <paramref name="source"/>, and the line where there is one.
    /// </summary>
    public static CycloneDxBom Read(ReadOnlySpan<byte> bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            if (bytes.Length > InputLimits.Sbom.MaxBytes)
            {
                throw new InputRefusedException(source, null, $"{bytes.Length} bytes", $"an {InputLimits.Sbom.Kind} of at most {InputLimits.Sbom.MaxBytesText}");
            }

            var text = BoundedInput.Decode(bytes, source);
            BoundedJson.Check(text, source, InputLimits.Sbom);
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = InputLimits.Sbom.MaxDepth + 1 });
            return From(document.RootElement, source);
        }
        catch (InputRefusedException ex)
        {
            throw new ReleaseDocumentException(ex.Message, ex);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1})" : string.Empty;
            throw new ReleaseDocumentException($"{source}{where}: not JSON ({ex.Message.Split(" Path:")[0]}); expected a CycloneDX JSON SBOM", ex);
        }
    }

    private static CycloneDxBom From(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Refused(source, "the document", $"a JSON {root.ValueKind.ToString().ToLowerInvariant()}", "a JSON object, a CycloneDX BOM");
        }

        var format = Text(root, "bomFormat");
        if (format != "CycloneDX")
        {
            throw Refused(source, "bomFormat", Shown(format), "'CycloneDX' (an SPDX or other document is not accepted)");
        }

        var spec = Text(root, "specVersion");
        if (spec is null || !SpecVersions.Contains(spec, StringComparer.Ordinal))
        {
            throw Refused(source, "specVersion", Shown(spec), "one of " + string.Join(", ", SpecVersions.Select(v => $"'{v}'")));
        }

        if (!root.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object
            || !metadata.TryGetProperty("component", out var component) || component.ValueKind != JsonValueKind.Object)
        {
            throw Refused(source, "metadata.component", "missing", "the component the SBOM describes (the artifact or image it is bound to)");
        }

        var name = Text(component, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Refused(source, "metadata.component.name", Shown(name), "the name of the artifact or image the SBOM describes");
        }

        var components = root.TryGetProperty("components", out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;
        return new CycloneDxBom(spec, Text(component, "type"), name, Text(component, "version"), components);
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Shown(string? value) => value is null ? "missing (or not a string)" : $"'{(value.Length <= 80 ? value : value[..80] + "...")}'";

    private static ReleaseDocumentException Refused(string source, string key, string found, string expected) =>
        new($"{source}: {key}: found {found}; expected {expected}");
}
