namespace KoraInfra.Platform.Settings;

/// <summary>One thing wrong with a stack's settings: where, which key, what was found, what is allowed.</summary>
/// <param name="Location">File and line (or configuration origin).</param>
/// <param name="Key">The full key, e.g. <c>kora-infra:cluster.nodeCount</c>.</param>
/// <param name="Found">What the source holds, described without echoing secret values.</param>
/// <param name="Expected">What would be right.</param>
public sealed record SettingsProblem(SourceLocation Location, string Key, string Found, string Expected)
{
    /// <summary>One line for a terminal: <c>Pulumi.dev.yaml:7: kora-infra:x: found …; expected …</c>.</summary>
    public override string ToString() => $"{Location}: {Key}: {Found}; expected {Expected}";
}
