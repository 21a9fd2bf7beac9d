using System.Collections;

namespace KoraInfra.Platform.Monitoring;

/// <summary>
/// An ordered mapping of a configuration document (Prometheus rules, Alertmanager config). The
/// order is the order the keys were added, so rendering is deterministic and reads the way the
/// tools' own documentation does. Values are strings, numbers, booleans, <see cref="YamlMap"/>s or
/// lists of those.
/// </summary>
public sealed class YamlMap : IEnumerable<KeyValuePair<string, object>>
{
    private readonly List<KeyValuePair<string, object>> _entries = [];

    /// <summary>The number of keys.</summary>
    public int Count => _entries.Count;

    /// <summary>The value of a key; throws when absent.</summary>
    public object this[string key] =>
        _entries.FirstOrDefault(e => e.Key == key) is { Key: not null } entry ? entry.Value : throw new KeyNotFoundException(key);

    /// <summary>Whether the key is present.</summary>
    public bool ContainsKey(string key) => _entries.Exists(e => e.Key == key);

    /// <summary>Adds a key; a duplicate is a defect in the caller.</summary>
    public void Add(string key, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (ContainsKey(key))
        {
            throw new ArgumentException($"key '{key}' added twice", nameof(key));
        }

        _entries.Add(new(key, value));
    }

    /// <summary>
    /// The same tree as plain dictionaries and lists, the shapes the Pulumi SDK serializes
    /// (Helm values, custom resource specs).
    /// </summary>
    public Dictionary<string, object> ToPlain() => _entries.ToDictionary(e => e.Key, e => Plain(e.Value), StringComparer.Ordinal);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static object Plain(object value) => value switch
    {
        YamlMap map => map.ToPlain(),
        string text => text,
        IEnumerable list => list.Cast<object>().Select(Plain).ToList(),
        _ => value,
    };
}
