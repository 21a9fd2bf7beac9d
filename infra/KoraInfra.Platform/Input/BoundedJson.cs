using System.Text;
using System.Text.Json;

namespace KoraInfra.Platform.Input;

/// <summary>
/// Proves JSON text (one document, or one per line) within <see cref="InputLimits"/> in one
/// streaming pass before it is turned into objects: depth, values in all, entries per object or
/// array, and string length. Invalid JSON is left to the reader that parses it, which says what
/// it expected.
/// </summary>
public static class BoundedJson
{
    /// <summary>Throws <see cref="InputRefusedException"/> naming <paramref name="source"/> and the line when a limit is crossed.</summary>
    public static void Check(string text, string source, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(limits);
        BoundedInput.Check(text, source, limits);
        Check(Encoding.UTF8.GetBytes(text), source, limits);
    }

    /// <summary>
    /// The same check over JSON already held as UTF-8 (a file read with
    /// <see cref="BoundedInput.ReadUtf8"/>): no string is made of it and it is not copied again.
    /// </summary>
    public static void Check(byte[] bytes, string source, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(limits);
        BoundedInput.CheckSize(bytes.Length, source, limits);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            // One more than the limit, so crossing it is this check's clear refusal, not the reader's.
            MaxDepth = limits.MaxDepth + 1,
            CommentHandling = JsonCommentHandling.Skip,
            AllowMultipleValues = true,
        });
        // Entries so far of each open object or array, innermost last; the depth check below
        // keeps it within MaxDepth. An array, not a List<int>: this loop runs once per token of a
        // multi-megabyte export, and a list's members are calls into another assembly that
        // precompiled code cannot inline.
        var open = new int[limits.MaxDepth];
        var depth = 0;
        var keys = new OpenObjectKeys(bytes);
        long values = 0;
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    depth--;
                    if (token == JsonTokenType.EndObject)
                    {
                        keys.Close();
                    }

                    continue;
                }

                if (++values > limits.MaxNodes)
                {
                    Refuse(bytes, reader.TokenStartIndex, source, $"more than {limits.MaxNodes} JSON values", $"a {limits.Kind} of at most {limits.MaxNodes} values");
                }

                // A key twice in one object: readers disagree on which copy counts, and some throw.
                if (token == JsonTokenType.PropertyName && !keys.Add(ref reader))
                {
                    Refuse(bytes, reader.TokenStartIndex, source, $"the key '{Shorten(reader.GetString()!)}' twice in one object", "each key once in an object");
                }

                if (token != JsonTokenType.PropertyName && depth > 0 && ++open[depth - 1] > limits.MaxItems)
                {
                    Refuse(bytes, reader.TokenStartIndex, source, $"an object or array of more than {limits.MaxItems} entries", $"at most {limits.MaxItems} entries in one object or array");
                }

                if (token is JsonTokenType.String or JsonTokenType.PropertyName
                    && reader.ValueSpan.Length > limits.MaxStringLength
                    && reader.GetString()!.Length > limits.MaxStringLength)
                {
                    Refuse(bytes, reader.TokenStartIndex, source, $"a string longer than {limits.MaxStringLength} characters", $"strings of at most {limits.MaxStringLength} characters");
                }

                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    if (depth >= limits.MaxDepth)
                    {
                        Refuse(bytes, reader.TokenStartIndex, source, $"objects or arrays nested more than {limits.MaxDepth} deep", $"at most {limits.MaxDepth} levels of nesting");
                    }

                    open[depth++] = 0;
                    if (token == JsonTokenType.StartObject)
                    {
                        keys.Open();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Broken JSON: the format's own reader reports it with its expectations.
        }
    }

    private static string Shorten(string key) => key.Length <= 80 ? key : key[..80] + "...";

    private static void Refuse(byte[] bytes, long tokenStart, string source, string found, string expected)
    {
        var at = (int)Math.Min(tokenStart, bytes.Length);
        var line = bytes.AsSpan(0, at).Count((byte)'\n') + 1;
        throw new InputRefusedException(source, line, found, expected);
    }
}
