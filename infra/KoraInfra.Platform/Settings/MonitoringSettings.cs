namespace KoraInfra.Platform.Settings;

/// <summary>
/// A warning and a critical threshold for a rate the seed names but does not quantify
/// (<c>redis_fallback_rate</c>, <c>takeover_sla_breach_rate</c>: seed section 6). Both are
/// fractions of operations over the last 15 minutes, from 0 to 1.
/// </summary>
/// <param name="Warning">Above this fraction the alert fires as a warning.</param>
/// <param name="Critical">Above this fraction the alert fires as critical; greater than <paramref name="Warning"/>.</param>
public sealed record RateThresholds(double Warning, double Critical);

/// <summary>The SMTP relay Alertmanager sends e-mail through; required only when an e-mail receiver exists.</summary>
/// <param name="Smarthost">The relay as <c>host:port</c>.</param>
/// <param name="From">The sender address.</param>
public sealed record SmtpSettings(string Smarthost, string From);

/// <summary>
/// <c>kora-infra:monitoring</c>: the monitoring knobs a stack may tune. Every value has a
/// documented default, so the key is optional; the thresholds the seed spells out are not
/// settings at all (they live in <c>Monitoring.AlertCatalogue</c>).
/// </summary>
/// <param name="RedisFallbackRate">Thresholds for <c>redis_fallback_rate</c>.</param>
/// <param name="TakeoverSlaBreachRate">Thresholds for <c>takeover_sla_breach_rate</c>.</param>
/// <param name="RunbookBaseUrl">Where the repository's <c>docs/runbooks/</c> is published; every alert links into it.</param>
/// <param name="Smtp">The SMTP relay, when an e-mail receiver exists.</param>
public sealed record MonitoringSettings(
    RateThresholds RedisFallbackRate,
    RateThresholds TakeoverSlaBreachRate,
    Uri RunbookBaseUrl,
    SmtpSettings? Smtp)
{
    /// <summary>
    /// Default for <c>redis_fallback_rate</c>: warn above 5% of cache operations served by the
    /// fallback path, critical above 20% (the cache is then effectively down for that tenant).
    /// </summary>
    public static RateThresholds DefaultRedisFallbackRate { get; } = new(0.05, 0.20);

    /// <summary>
    /// Default for <c>takeover_sla_breach_rate</c>: warn above 5% of human takeovers missing their
    /// SLA, critical above 10%.
    /// </summary>
    public static RateThresholds DefaultTakeoverSlaBreachRate { get; } = new(0.05, 0.10);

    /// <summary>Default runbook location: the repository's runbooks on its main branch.</summary>
    public static Uri DefaultRunbookBaseUrl => WithRunbooks.Url;

    /// <summary>The settings used when a stack file has no <c>kora-infra:monitoring</c> key.</summary>
    public static MonitoringSettings Defaults => WithRunbooks.Settings;

    // Built on first use of the runbook location, not with the thresholds: the first Uri parsed
    // in a process costs milliseconds, which a policy report (it reads only the alert names
    // and thresholds) does not need to spend.
    private static class WithRunbooks
    {
        internal static readonly Uri Url = new("https://github.com/koraos/kora-infra/blob/main/docs/runbooks/");

        internal static readonly MonitoringSettings Settings = new(DefaultRedisFallbackRate, DefaultTakeoverSlaBreachRate, Url, null);
    }
}
