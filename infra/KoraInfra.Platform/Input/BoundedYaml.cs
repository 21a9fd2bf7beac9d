using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace KoraInfra.Platform.Input;

/// <summary>
/// Loads YAML only after a pass over its events has proved it within <see cref="InputLimits"/>.
/// The pass counts every alias as a full copy of the node it names, so a "billion laughs"
/// document of a few hundred bytes is refused at the alias that crosses the limit, in
/// microseconds, instead of expanding when a reader walks it. It also names a duplicated key
/// and both of its lines, which YamlDotNet's own error does not.
/// </summary>
public static class BoundedYaml
{
    /// <summary>
    /// Parses <paramref name="text"/>; returns null and the reasons when it is refused (a limit,
    /// duplicated keys, broken YAML). Never throws for bad input.
    /// </summary>
    public static YamlStream? Load(string text, string source, InputLimits limits, out IReadOnlyList<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(limits);
        var found = new List<InputProblem>();
        problems = found;
        try
        {
            BoundedInput.Check(text, source, limits);
            new Pass(source, limits, found).Run(text);
            if (found.Count > 0)
            {
                return null;
            }

            var stream = new YamlStream();
            using var reader = new StringReader(text);
            stream.Load(new Parser(reader));
            return stream;
        }
        catch (InputRefusedException ex)
        {
            found.Add(ex.Problem);
        }
        catch (YamlException ex)
        {
            found.Add(new InputProblem(source, checked((int)ex.Start.Line), $"broken YAML ({ex.Message.Trim()})", "well-formed YAML with each key once"));
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet throws this, not a YamlException, for some malformed documents (a tag that
            // is not a URI, an event the representation model does not expect); found by fuzzing.
            found.Add(new InputProblem(source, null, $"broken YAML ({ex.Message.Split(" (Parameter")[0].Trim()})", "well-formed YAML with each key once"));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some unterminated
            // flow collections ("[kora" at the end of a mapping).
            found.Add(new InputProblem(source, null, "broken YAML (an unterminated '[' or '{' list or mapping)", "well-formed YAML with each key once"));
        }

        return null;
    }

    private sealed class Pass(string source, InputLimits limits, List<InputProblem> problems)
    {
        private readonly Stack<Frame> _open = new();
        // A small class as the value, not a (long, int) tuple: a Dictionary over a value tuple is
        // JIT-compiled when first used (ReadyToRun cannot precompile it), on every stack file read.
        private readonly Dictionary<string, AnchorSize> _anchors = new(StringComparer.Ordinal);
        private long _total;
        private int _line = 1;

        public void Run(string text)
        {
            using var reader = new StringReader(text);
            var parser = new Parser(reader);
            try
            {
                while (parser.MoveNext())
                {
                    Visit(parser.Current!);
                }
            }
            catch (InvalidOperationException)
            {
                throw new YamlException(parser.Current?.Start ?? Mark.Empty, parser.Current?.End ?? Mark.Empty, "an unterminated '[' or '{' list or mapping");
            }
            catch (ArgumentException ex)
            {
                throw new YamlException(parser.Current?.Start ?? Mark.Empty, parser.Current?.End ?? Mark.Empty, ex.Message.Split(" (Parameter")[0].Trim());
            }
        }

        private void Visit(ParsingEvent current)
        {
            _line = checked((int)current.Start.Line);
            switch (current)
            {
                case DocumentStart:
                    _anchors.Clear();
                    break;
                case Scalar scalar:
                    if (scalar.Value.Length > limits.MaxStringLength)
                    {
                        Refuse($"a value of {scalar.Value.Length} characters, longer than the {limits.MaxStringLength} a {limits.Kind} may hold", $"values of at most {limits.MaxStringLength} characters");
                    }

                    Complete(1, 0, scalar.Anchor, scalar.Value, isAlias: false);
                    break;
                case AnchorAlias alias:
                    if (_open.Any(f => !f.Anchor.IsEmpty && f.Anchor.Value == alias.Value.Value))
                    {
                        // The loaded tree would hold itself: every reader that walks it would never end.
                        Refuse($"an alias (*{Shorten(alias.Value.Value)}) inside the node it names (a recursive alias)", "aliases only to nodes that are complete before the alias");
                    }

                    var named = _anchors.GetValueOrDefault(alias.Value.Value);
                    Complete(named?.Nodes ?? 1, named?.Depth ?? 0, AnchorName.Empty, key: null, isAlias: true);
                    break;
                case MappingStart mapping:
                    Open(new Frame(isMapping: true, mapping.Anchor, _line));
                    break;
                case SequenceStart sequence:
                    Open(new Frame(isMapping: false, sequence.Anchor, _line));
                    break;
                case MappingEnd or SequenceEnd:
                    var closed = _open.Pop();
                    Complete(closed.Nodes, closed.Depth + 1, closed.Anchor, key: null, isAlias: false, counted: 1);
                    break;
            }
        }

        private void Open(Frame frame)
        {
            _open.Push(frame);
            if (_open.Count > limits.MaxDepth)
            {
                Refuse($"mappings or lists nested more than {limits.MaxDepth} deep", $"at most {limits.MaxDepth} levels of nesting");
            }
        }

        private void Complete(long nodes, int depth, AnchorName anchor, string? key, bool isAlias, long? counted = null)
        {
            // A collection's own values were counted as they completed; an alias adds a whole copy.
            _total = Math.Min(_total + (counted ?? nodes), long.MaxValue / 2);
            if (_total > limits.MaxNodes)
            {
                Refuse(
                    isAlias
                        ? $"aliases that expand to more than {limits.MaxNodes} values (an alias bomb)"
                        : $"more than {limits.MaxNodes} values",
                    $"a {limits.Kind} of at most {limits.MaxNodes} values, each alias counted as a copy of what it names");
            }

            if (isAlias && _open.Count + depth > limits.MaxDepth)
            {
                Refuse($"an alias that nests its value more than {limits.MaxDepth} deep", $"at most {limits.MaxDepth} levels of nesting");
            }

            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = new AnchorSize(nodes, depth);
            }

            if (_open.Count == 0)
            {
                return;
            }

            var parent = _open.Peek();
            parent.Nodes = Math.Min(parent.Nodes + nodes, long.MaxValue / 2);
            parent.Depth = Math.Max(parent.Depth, depth);
            if (parent.IsMapping && !parent.ExpectKey)
            {
                parent.ExpectKey = true;
                return;
            }

            parent.Items++;
            if (parent.Items > limits.MaxItems)
            {
                Refuse(
                    parent.IsMapping ? $"a mapping (from line {parent.Line}) of more than {limits.MaxItems} keys" : $"a list (from line {parent.Line}) of more than {limits.MaxItems} items",
                    $"at most {limits.MaxItems} entries in one mapping or list");
            }

            if (parent.IsMapping)
            {
                parent.ExpectKey = false;
                if (key is not null)
                {
                    if (parent.Keys.TryGetValue(key, out var first))
                    {
                        problems.Add(new InputProblem(source, _line, $"the key '{Shorten(key)}' appears twice in the same mapping (lines {first} and {_line})", "each key once in a mapping"));
                    }
                    else
                    {
                        parent.Keys[key] = _line;
                    }
                }
            }
        }

        private void Refuse(string found, string expected) => throw new InputRefusedException(source, _line, found, expected);

        private static string Shorten(string key) => key.Length <= 80 ? key : key[..80] + "...";
    }

    // What an anchored node weighs: every alias to it adds this many values and this much depth.
    private sealed record AnchorSize(long Nodes, int Depth);

    private sealed class Frame(bool isMapping, AnchorName anchor, int line)
    {
        public bool IsMapping { get; } = isMapping;

        public AnchorName Anchor { get; } = anchor;

        public int Line { get; } = line;

        public long Nodes { get; set; } = 1;

        public int Depth { get; set; }

        public int Items { get; set; }

        public bool ExpectKey { get; set; } = true;

        public Dictionary<string, int> Keys { get; } = new(StringComparer.Ordinal);
    }
}
