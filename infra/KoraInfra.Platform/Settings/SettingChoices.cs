namespace KoraInfra.Platform.Settings;

/// <summary>
/// The names a setting accepts and the value each one means, in the order messages list them.
/// </summary>
/// <remarks>
/// Two arrays searched by a loop, not a <c>Dictionary&lt;string, TEnum&gt;</c>: a framework
/// collection over one of this project's enums is JIT-compiled when first used (ReadyToRun
/// cannot precompile it), a measurable part of a <c>kora validate</c>; this type is precompiled.
/// </remarks>
/// <typeparam name="T">The setting's enum.</typeparam>
internal sealed class SettingChoices<T>
    where T : struct, Enum
{
    private readonly string[] _names;
    private readonly T[] _values;

    /// <summary>Pairs each name with the value at the same place (no tuples: their framework code over an enum is JIT-compiled too).</summary>
    public SettingChoices(string[] names, T[] values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Length != values.Length)
        {
            throw new ArgumentException($"{names.Length} names for {values.Length} values", nameof(values));
        }

        _names = names;
        _values = values;
    }

    /// <summary>How many names there are.</summary>
    public int Count => _names.Length;

    /// <summary>What a message says is accepted: <c>one of 'a', 'b'</c>.</summary>
    public string Expected => "one of " + string.Join(", ", _names.Select(n => $"'{n}'"));

    /// <summary>The name at <paramref name="index"/>, in declaration order.</summary>
    public string NameAt(int index) => _names[index];

    /// <summary>The value at <paramref name="index"/>, in declaration order.</summary>
    public T ValueAt(int index) => _values[index];

    /// <summary>Whether <paramref name="text"/> is one of the names (exactly, case included).</summary>
    public bool Accepts(string text) => IndexOf(text) >= 0;

    /// <summary>The value <paramref name="text"/> names; only for a name <see cref="Accepts"/> accepts.</summary>
    public T ValueOf(string text) => _values[IndexOf(text)];

    private int IndexOf(string text)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
