namespace KoraInfra.Platform.Input;

/// <summary>One reason an input was refused before it was interpreted.</summary>
/// <param name="Source">The file name or origin (<c>Pulumi.prod.yaml</c>, <c>PULUMI_CONFIG</c>).</param>
/// <param name="Line">The 1-based line, where the input has lines.</param>
/// <param name="Found">What was found, never echoing the input's values.</param>
/// <param name="Expected">What would be right.</param>
public sealed record InputProblem(string Source, int? Line, string Found, string Expected)
{
    /// <summary>One line: <c>file:line: found; expected …</c>.</summary>
    public override string ToString() => $"{(Line is { } line ? $"{Source}:{line}" : Source)}: {Found}; expected {Expected}";
}
