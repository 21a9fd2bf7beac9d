using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KoraInfra.Platform.Monitoring;

/// <summary>Renders a <see cref="YamlMap"/> tree as YAML text: same tree, same bytes.</summary>
public static class YamlRendering
{
    /// <summary>The YAML text of a document, with a leading comment line and a final newline.</summary>
    public static string Render(YamlMap document, string headerComment)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(headerComment);
        var stream = new YamlStream(new YamlDocument(ToNode(document)));
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        stream.Save(writer, assignAnchors: false);

        // YamlDotNet closes each document with "..."; the tools do not need it.
        var text = writer.ToString().Replace("\n...\n", "\n", StringComparison.Ordinal);
        var header = string.Join("\n", headerComment.Split('\n').Select(l => "# " + l));
        return header + "\n" + text.TrimEnd('\n') + "\n";
    }

    /// <summary>The text of a scalar exactly as it is written (numbers in invariant culture, shortest round-trip form).</summary>
    public static string Scalar(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"unsupported scalar {value.GetType().Name}", nameof(value)),
    };

    private static YamlNode ToNode(object value)
    {
        switch (value)
        {
            case YamlMap map:
                var mapping = new YamlMappingNode();
                foreach (var (key, child) in map)
                {
                    mapping.Add(new YamlScalarNode(key), ToNode(child));
                }

                return mapping;
            case string text:
                // A string that YAML would read as another type (a number, a boolean, null) is quoted.
                return new YamlScalarNode(text) { Style = LooksTyped(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };
            case System.Collections.IEnumerable list:
                var sequence = new YamlSequenceNode();
                foreach (var item in list)
                {
                    sequence.Add(ToNode(item!));
                }

                return sequence;
            default:
                return new YamlScalarNode(Scalar(value)) { Style = ScalarStyle.Plain };
        }
    }

    private static bool LooksTyped(string text) =>
        text.Length == 0
        || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || text is "true" or "false" or "True" or "False" or "yes" or "no" or "on" or "off" or "null" or "~";
}
