using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace KoraInfra.Platform.Settings;

/// <summary>
/// Reads the keys of one mapping (the top-level <c>kora-infra:</c> keys, or a structured value)
/// into typed values, recording every problem instead of stopping at the first, and remembering
/// which keys it read so that the rest can be reported as unknown.
/// </summary>
internal sealed class SettingsReader
{
    private readonly string _path;
    private readonly IReadOnlyDictionary<string, SettingNode> _children;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly List<SettingsProblem> _problems;

    public SettingsReader(string path, IReadOnlyDictionary<string, SettingNode> children, SourceLocation location, List<SettingsProblem> problems)
    {
        _path = path;
        _children = children;
        Location = location;
        _problems = problems;
    }

    /// <summary>Where the mapping starts.</summary>
    public SourceLocation Location { get; }

    /// <summary>The full key of a child, e.g. <c>kora-infra:cluster.nodeCount</c>.</summary>
    public string KeyOf(string name) => _path + name;

    public bool Has(string name) => _children.ContainsKey(name);

    public SourceLocation LocationOf(string name) => _children.TryGetValue(name, out var node) ? node.Location : Location;

    public void Problem(string name, string found, string expected) =>
        _problems.Add(new SettingsProblem(LocationOf(name), KeyOf(name), found, expected));

    public string? String(string name, bool required, Func<string, bool> isValid, string expected)
    {
        var node = Take(name, required, expected);
        if (node is null)
        {
            return null;
        }

        if (node.Value is not YamlScalarNode { Value: { Length: > 0 } text })
        {
            Problem(name, $"a {StackFileReader.Describe(node.Value)}", expected);
            return null;
        }

        if (!isValid(text))
        {
            Problem(name, node.IsSecret ? "a value that does not fit" : $"'{text}'", expected);
            return null;
        }

        return text;
    }

    public int? Integer(string name, bool required, int min, int max)
    {
        var expected = $"a whole number from {min} to {max}";
        var node = Take(name, required, expected);
        if (node is null)
        {
            return null;
        }

        if (node.Value is not YamlScalarNode { Value: { } text }
            || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Problem(name, node.Value is YamlScalarNode scalar ? $"'{scalar.Value}', which is not a whole number" : $"a {StackFileReader.Describe(node.Value)}", expected);
            return null;
        }

        if (value < min || value > max)
        {
            Problem(name, $"{value}, which is out of range", expected);
            return null;
        }

        return value;
    }

    public T? Choice<T>(string name, bool required, SettingChoices<T> allowed)
        where T : struct, Enum
    {
        var text = String(name, required, allowed.Accepts, allowed.Expected);
        return text is null ? null : allowed.ValueOf(text);
    }

    public SettingsReader? Mapping(string name, bool required)
    {
        var node = Take(name, required, "a mapping");
        if (node is null)
        {
            return null;
        }

        if (node.Value is not YamlMappingNode map)
        {
            Problem(name, $"a {StackFileReader.Describe(node.Value)}", "a mapping of named values");
            return null;
        }

        return new SettingsReader(KeyOf(name) + ".", Children(node, map), node.Location, _problems);
    }

    public IReadOnlyList<SettingsReader>? MappingList(string name, bool required)
    {
        var node = Take(name, required, "a list of mappings");
        if (node is null)
        {
            return null;
        }

        if (node.Value is not YamlSequenceNode list)
        {
            Problem(name, $"a {StackFileReader.Describe(node.Value)}", "a list of mappings");
            return null;
        }

        var readers = new List<SettingsReader>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = ItemReader(node, list.Children[i], $"{KeyOf(name)}[{i}]");
            if (item is not null)
            {
                readers.Add(item);
            }
        }

        return readers;
    }

    // One item of a list of mappings, in its own method: a pattern variable used after a
    // "continue" would leave mutation testing unable to compile the loop (docs/testing.md).
    private SettingsReader? ItemReader(SettingNode list, YamlNode item, string path)
    {
        if (item is YamlMappingNode map)
        {
            return new SettingsReader(path + ".", Children(list, map), list.LocationOf(item), _problems);
        }

        _problems.Add(new SettingsProblem(list.LocationOf(item), path, $"a {StackFileReader.Describe(item)}", "a mapping"));
        return null;
    }

    /// <summary>A list of plain text values, each with its own location; null (with a problem) when the value is not such a list.</summary>
    public IReadOnlyList<(string Key, string Text, SourceLocation Location)>? StringList(string name, bool required, string expected)
    {
        var node = Take(name, required, expected);
        if (node is null)
        {
            return null;
        }

        if (node.Value is not YamlSequenceNode list)
        {
            Problem(name, $"a {StackFileReader.Describe(node.Value)}", expected);
            return null;
        }

        var items = new List<(string, string, SourceLocation)>();
        var valid = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            var key = $"{KeyOf(name)}[{i}]";
            if (item is YamlScalarNode { Value: { Length: > 0 } text })
            {
                items.Add((key, text, node.LocationOf(item)));
            }
            else
            {
                _problems.Add(new SettingsProblem(node.LocationOf(item), key, $"a {StackFileReader.Describe(item)}", expected));
                valid = false;
            }
        }

        return valid ? items : null;
    }

    /// <summary>Records a problem at an exact place (an item of a list).</summary>
    public void ProblemAt(SourceLocation location, string key, string found, string expected) =>
        _problems.Add(new SettingsProblem(location, key, found, expected));

    /// <summary>Reads this mapping as names to plain text values (tags).</summary>
    public SortedList<string, string> AsStringMap()
    {
        // A SortedList, not a SortedDictionary (a set of KeyValuePair structs) or an immutable
        // one (its enumerator keeps a stack of structs): their code over those structs is
        // JIT-compiled at start-up (ReadyToRun cannot precompile it), a measurable part of a validate.
        var result = new SortedList<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in _children)
        {
            _read.Add(key);
            if (node.Value is YamlScalarNode { Value: { } text })
            {
                result[key] = text;
            }
            else
            {
                Problem(key, $"a {StackFileReader.Describe(node.Value)}", "a plain text value");
            }
        }

        return result;
    }

    /// <summary>A key whose value must be a secret; returns whether a secret was given.</summary>
    public bool Secret(string name, bool required, string purpose)
    {
        var expected = $"a secret ({purpose}), set with 'pulumi config set --secret {KeyOf(name)}'";
        var node = Take(name, required, expected);
        if (node is null)
        {
            return false;
        }

        if (!node.IsSecret)
        {
            Problem(name, "a secret value in clear text", expected);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Reports every key that no reader asked for: a typo must never fall back to a default. A
    /// known key left unread (its mapping was already refused for another reason) is not unknown.
    /// </summary>
    public void RejectUnread(IReadOnlyCollection<string> known)
    {
        foreach (var (name, node) in _children)
        {
            if (!_read.Contains(name) && !known.Contains(name))
            {
                var expected = known.Count == 0 ? "no keys here" : "one of " + string.Join(", ", known.Select(k => $"'{KeyOf(k)}'"));
                _problems.Add(new SettingsProblem(node.Location, KeyOf(name), "an unknown key", expected));
            }
        }
    }

    /// <summary>Marks a key as known without reading it (it is only allowed in some cases).</summary>
    public void Accept(string name) => _read.Add(name);

    private SettingNode? Take(string name, bool required, string expected)
    {
        _read.Add(name);
        if (_children.TryGetValue(name, out var node))
        {
            return node;
        }

        if (required)
        {
            _problems.Add(new SettingsProblem(Location, KeyOf(name), "no value (the key is missing)", expected));
        }

        return null;
    }

    private static Dictionary<string, SettingNode> Children(SettingNode parent, YamlMappingNode map)
    {
        var children = new Dictionary<string, SettingNode>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            children[name] = new SettingNode(value, parent.LocationOf(key), parent.IsSecret);
        }

        return children;
    }
}
