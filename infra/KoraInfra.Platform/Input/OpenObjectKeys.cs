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
/// <remarks>
/// The stacks are plain arrays with a count, not a <c>List&lt;ReadOnlyMemory&lt;byte&gt;&gt;</c>
/// or a list of (start, set) tuples: a framework collection over a value type is generic code
/// ReadyToRun cannot precompile, JIT-compiled on every read of an input.
/// </remarks>
internal sealed class OpenObjectKeys(byte[] input)
{
    /// <summary>Past this many keys, comparing each new key with every earlier one costs more than hashing.</summary>
    internal const int LinearLimit = 16;

    // Key i is _keyLength[i] bytes at _keyStart[i] of the input or, for a name written with
    // escapes (\u0061), at ~_keyStart[i] of _unescaped, where its unescaped form was copied.
    private int[] _keyStart = new int[64];
    private int[] _keyLength = new int[64];
    private int _keys;
    private byte[] _unescaped = new byte[256];
    private int _unescapedLength;

    // Per open object, innermost last: where its keys and its unescaped names start, and its set once it went wide.
    private int[] _objectKeys = new int[16];
    private int[] _objectUnescaped = new int[16];
    private HashSet<string>?[] _objectWide = new HashSet<string>?[16];
    private int _objects;

    /// <summary>An object starts.</summary>
    public void Open()
    {
        if (_objects == _objectKeys.Length)
        {
            _objectKeys = Grown(_objectKeys);
            _objectUnescaped = Grown(_objectUnescaped);
            Array.Resize(ref _objectWide, _objectWide.Length * 2);
        }

        _objectKeys[_objects] = _keys;
        _objectUnescaped[_objects] = _unescapedLength;
        _objectWide[_objects] = null;
        _objects++;
    }

    /// <summary>The innermost open object ends.</summary>
    public void Close()
    {
        _objects--;
        _keys = _objectKeys[_objects];
        _unescapedLength = _objectUnescaped[_objects];
        _objectWide[_objects] = null;
    }

    /// <summary>Adds the property name <paramref name="reader"/> is on to the innermost object; false when that object already has it.</summary>
    public bool Add(ref Utf8JsonReader reader)
    {
        var innermost = _objects - 1;
        if (_objectWide[innermost] is { } wide)
        {
            return wide.Add(reader.GetString()!);
        }

        // An escaped name is compared in its unescaped form, as a parser sees it. An unescaped
        // name is the input's own bytes between its quotes.
        int start, length;
        if (reader.ValueIsEscaped)
        {
            // Unescaping never makes a name longer than its escaped form.
            while (_unescaped.Length - _unescapedLength < reader.ValueSpan.Length)
            {
                _unescaped = Grown(_unescaped);
            }

            length = reader.CopyString(_unescaped.AsSpan(_unescapedLength));
            start = ~_unescapedLength;
        }
        else
        {
            start = checked((int)reader.TokenStartIndex + 1);
            length = reader.ValueSpan.Length;
        }

        var name = Bytes(start, length);
        var first = _objectKeys[innermost];
        for (var i = first; i < _keys; i++)
        {
            if (Key(i).SequenceEqual(name))
            {
                return false;
            }
        }

        if (_keys == _keyStart.Length)
        {
            _keyStart = Grown(_keyStart);
            _keyLength = Grown(_keyLength);
        }

        _keyStart[_keys] = start;
        _keyLength[_keys] = length;
        _keys++;
        if (start < 0)
        {
            _unescapedLength += length;
        }

        if (_keys - first > LinearLimit)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            for (var i = first; i < _keys; i++)
            {
                set.Add(Encoding.UTF8.GetString(Key(i)));
            }

            _keys = first;
            _unescapedLength = _objectUnescaped[innermost];
            _objectWide[innermost] = set;
        }

        return true;
    }

    private ReadOnlySpan<byte> Key(int i) => Bytes(_keyStart[i], _keyLength[i]);

    private ReadOnlySpan<byte> Bytes(int start, int length) =>
        start >= 0 ? input.AsSpan(start, length) : _unescaped.AsSpan(~start, length);

    private static int[] Grown(int[] items)
    {
        var grown = new int[items.Length * 2];
        Array.Copy(items, grown, items.Length);
        return grown;
    }

    private static byte[] Grown(byte[] items)
    {
        var grown = new byte[items.Length * 2];
        Array.Copy(items, grown, items.Length);
        return grown;
    }
}
