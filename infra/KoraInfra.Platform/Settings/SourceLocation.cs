namespace KoraInfra.Platform.Settings;

/// <summary>Where a setting came from: a stack file and line, or Pulumi's configuration.</summary>
/// <param name="Source">A file name such as <c>Pulumi.prod.yaml</c>, or the configuration's origin.</param>
/// <param name="Line">The 1-based line, when the source is a file.</param>
public sealed record SourceLocation(string Source, int? Line = null)
{
    /// <summary>The same source at another line; keeps "no line" for sources without lines.</summary>
    public SourceLocation AtLine(int line) => IsFile ? this with { Line = line } : this;

    /// <summary>Whether the source is a file, so lines mean something.</summary>
    public bool IsFile { get; init; } = true;

    /// <inheritdoc />
    public override string ToString() => Line is { } line ? $"{Source}:{line}" : Source;
}
