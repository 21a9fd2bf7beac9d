using System.Text;
using System.Text.Json;

namespace KoraInfra.Platform.Input;

/// <summary>
/// The keys of every JSON object still open while one pass reads the input, to tell a key given
/// twice in one object. A stack export has hundreds of thousands of keys in small objects: those
/// are compared as the UTF-8 bytes already in the input, on one shared stack (an inner object's
/// keys are dropped when it closes, so each object's keys stay contiguous), with no string, set
/// or list made per key or per object. An object wider than <see cref="LinearLimit"/> keys moves
/// to a hash set, so an object of a million keys is still checked in linear time.
/// </summary>
internal sealed class OpenObjectKeys(byte[] input)
{
    /// <summary>Past this many keys, comparing each new key with every earlier one costs more than hashing.</summary>
    internal const int LinearLimit = 16;

    private readonly List<ReadOnlyMemory<byte>> _keys = [];
    private readonly List<(int Start, HashSet<string>? Wide)> _objects = [];

    /// <summary>An object starts.</summary>
    public void Open() => _objects.Add((_keys.Count, null));

    /// <summary>The innermost open object ends.</summary>
    public void Close()
    {
        var start = _objects[^1].Start;
        _keys.RemoveRange(start, _keys.Count - start);
        _objects.RemoveAt(_objects.Count - 1);
    }

    /// <summary>Adds the property name <paramref name="reader"/> is on to the innermost object; false when that object already has it.</summary>
    public bool Add(ref Utf8JsonReader reader)
    {
        var (start, wide) = _objects[^1];
        if (wide is not null)
        {
            return wide.Add(reader.GetString()!);
        }

        // An escaped name (\u0061) is compared in its unescaped form, as a parser sees it. An
        // unescaped name is the input's own bytes between its quotes.
        var name = reader.ValueIsEscaped
            ? Unescaped(ref reader)
            : input.AsMemory(checked((int)reader.TokenStartIndex + 1), reader.ValueSpan.Length);
        for (var i = start; i < _keys.Count; i++)
        {
            if (_keys[i].Span.SequenceEqual(name.Span))
            {
                return false;
            }
        }

        _keys.Add(name);
        if (_keys.Count - start > LinearLimit)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            for (var i = start; i < _keys.Count; i++)
            {
                set.Add(Encoding.UTF8.GetString(_keys[i].Span));
            }

            _keys.RemoveRange(start, _keys.Count - start);
            _objects[^1] = (start, set);
        }

        return true;
    }

    private static byte[] Unescaped(ref Utf8JsonReader reader)
    {
        // Unescaping never makes a name longer than its escaped form.
        var buffer = new byte[reader.ValueSpan.Length];
        var written = reader.CopyString(buffer);
        return buffer[..written];
    }
}
