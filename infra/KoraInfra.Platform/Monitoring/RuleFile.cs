namespace KoraInfra.Platform.Monitoring;

/// <summary>One Prometheus rule file: what <c>promtool</c> checks and what a <c>PrometheusRule</c> resource carries.</summary>
/// <param name="Name">The resource and file stem, e.g. <c>kora-alerts</c>.</param>
/// <param name="Groups">The <c>groups</c> list: each a <see cref="YamlMap"/> with name, interval and rules.</param>
public sealed record RuleFile(string Name, IReadOnlyList<YamlMap> Groups)
{
    /// <summary>The file name the rules are rendered to.</summary>
    public string FileName => Name + ".rules.yml";

    /// <summary>The document: <c>groups: [...]</c> (also the <c>spec</c> of a PrometheusRule).</summary>
    public YamlMap Document => new() { { "groups", Groups } };
}
