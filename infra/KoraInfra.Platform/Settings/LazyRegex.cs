using System.Text.RegularExpressions;

namespace KoraInfra.Platform.Settings;

/// <summary>
/// A regex built (interpreted) on its first use, for a pattern that rarely runs. The regex source
/// generator gives all of an assembly's generated patterns one class of search tables, built in
/// full on the first use of any of them; a pattern of literal words (an alternation of words, a
/// long literal) has the costly kind of table: milliseconds of every <c>kora validate</c>, even
/// when that pattern never runs. Built here, it costs nothing until it is asked for.
/// </summary>
/// <param name="pattern">The pattern; its inline options (<c>(?i)</c>) match with the invariant culture, as a generated one does.</param>
/// <param name="options">Further options.</param>
internal sealed class LazyRegex(string pattern, RegexOptions options = RegexOptions.None)
{
#pragma warning disable SYSLIB1045 // Interpreted on purpose: see the summary.
    private readonly Lazy<Regex> _regex = new(() => new Regex(pattern, options | RegexOptions.CultureInvariant));
#pragma warning restore SYSLIB1045

    /// <summary>The regex, built on the first call.</summary>
    public Regex Value => _regex.Value;
}
