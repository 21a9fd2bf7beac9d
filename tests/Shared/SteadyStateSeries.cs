using System.Globalization;
using System.Text;

namespace KoraInfra.TestSupport;

/// <summary>
/// Synthetic health series for the fault-injection tests, as OpenMetrics: the recorded signals the
/// steady-state hypotheses query, for two tenants, every 30 s. Two hours apart, two stories:
/// <see cref="Recovers"/> (steady, broken from minute 20 to 30, steady again) and
/// <see cref="StaysBroken"/> (the same, but the Redis fallback rate never comes back down).
/// </summary>
public static class SteadyStateSeries
{
    /// <summary>The start of the story that recovers.</summary>
    public static DateTimeOffset Recovers { get; } = new(2026, 2, 28, 14, 0, 0, TimeSpan.Zero);

    /// <summary>The start of the story that does not.</summary>
    public static DateTimeOffset StaysBroken { get; } = Recovers.AddHours(2);

    /// <summary>When, in each story, the health breaks and (in the first) returns.</summary>
    public static TimeSpan BreaksAt { get; } = TimeSpan.FromMinutes(20);

    /// <summary>When the first story is healthy again.</summary>
    public static TimeSpan ReturnsAt { get; } = TimeSpan.FromMinutes(30);

    /// <summary>How long each story lasts.</summary>
    public static TimeSpan Length { get; } = TimeSpan.FromMinutes(60);

    /// <summary>Both stories, ready for <see cref="ThrowawayPrometheus"/>.</summary>
    public static string OpenMetrics()
    {
        var text = new StringBuilder();
        Family(text, "kora:replay_backlog:max", broken: 50, steady: 5, staysBroken: false);
        Family(text, "kora:ack_to_enqueue_gap_seconds:p95_rate15m", broken: 200, steady: 40, staysBroken: false);
        Family(text, "kora:redis_fallback:ratio_rate15m", broken: 0.6, steady: 0.01, staysBroken: true);
        text.Append("# EOF\n");
        return text.ToString();
    }

    private static void Family(StringBuilder text, string name, double broken, double steady, bool staysBroken)
    {
        text.Append(CultureInfo.InvariantCulture, $"# TYPE {name} gauge\n");
        foreach (var tenant in new[] { "tenant-a", "tenant-b" })
        {
            foreach (var (start, keepsBroken) in new[] { (Recovers, false), (StaysBroken, staysBroken) })
            {
                for (var at = TimeSpan.Zero; at <= Length; at += TimeSpan.FromSeconds(30))
                {
                    // tenant-b stays healthy: the worst tenant decides.
                    var faulty = tenant == "tenant-a" && at >= BreaksAt && (at < ReturnsAt || keepsBroken);
                    var value = faulty ? broken : steady / (tenant == "tenant-a" ? 1 : 2);
                    text.Append(CultureInfo.InvariantCulture, $"{name}{{tenant_id=\"{tenant}\"}} {value.ToString("R", CultureInfo.InvariantCulture)} {(start + at).ToUnixTimeSeconds()}\n");
                }
            }
        }
    }
}
