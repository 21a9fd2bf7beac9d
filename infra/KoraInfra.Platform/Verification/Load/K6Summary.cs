using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KoraInfra.Platform.Input;

namespace KoraInfra.Platform.Verification.Load;

/// <summary>
/// The numbers a k6 end-of-test summary reports, read from either JSON k6 writes:
/// <c>k6 run --summary-export FILE</c> (each metric's values flat: <c>metrics.http_req_duration["p(95)"]</c>,
/// <c>metrics.http_req_failed.value</c>, <c>metrics.iterations.rate</c>) or a <c>handleSummary</c>
/// <c>JSON.stringify(data)</c> (the same under <c>values</c>). Checks come from <c>root_group</c> and
/// its groups (an object keyed by name in the export, an array in <c>handleSummary</c>).
/// </summary>
/// <param name="P95Milliseconds">The 95th percentile of <c>http_req_duration</c>, in ms.</param>
/// <param name="FailedRate">The fraction of requests <c>http_req_failed</c> counted as failed.</param>
/// <param name="IterationsRate">Iterations completed per second over the run.</param>
/// <param name="Requests">Requests made (<c>http_reqs.count</c>).</param>
/// <param name="RunDuration">How long the run lasted (<c>state.testRunDurationMs</c>), when reported.</param>
/// <param name="Checks">Every check by name: how many times it passed and failed.</param>
public sealed record K6Summary(double P95Milliseconds, double FailedRate, double IterationsRate, long Requests, TimeSpan? RunDuration, IReadOnlyDictionary<string, (long Passes, long Fails)> Checks)
{
    // The longest run accepted: no k6 run lasts a year, and far beyond it TimeSpan overflows.
    private const double MaximumRunMilliseconds = 366d * 24 * 60 * 60 * 1000;

    /// <summary>The limits of a summary file: small, shallow, a few hundred values.</summary>
    public static InputLimits Limits { get; } = new("k6 summary", 4 * 1024 * 1024, 32, 200_000, 10_000, 64 * 1024);

    /// <summary>Reads a summary; throws <see cref="InputRefusedException"/> naming the file and the missing or wrong value.</summary>
    public static K6Summary Read(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        BoundedJson.Check(json, source, Limits);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InputRefusedException(source, (int?)ex.LineNumber + 1, "text that is not JSON: " + ex.Message, "the JSON k6 writes with 'k6 run --summary-export FILE'");
        }

        if (root is not JsonObject { } document || document["metrics"] is not JsonObject metrics)
        {
            throw new InputRefusedException(source, null, "no 'metrics' object", "a k6 end-of-test summary ('k6 run --summary-export FILE'), which has a 'metrics' object");
        }

        var p95 = Number(metrics, "http_req_duration", "p(95)", source);
        var failed = Number(metrics, "http_req_failed", "value", source, alternative: "rate");
        var iterations = Number(metrics, "iterations", "rate", source);
        var count = Number(metrics, "http_reqs", "count", source);
        if (count < 0 || count > long.MaxValue / 2)
        {
            throw new InputRefusedException(source, null, $"metrics.http_reqs.count = {count.ToString(CultureInfo.InvariantCulture)}", "a count of requests, 0 or more");
        }

        var requests = (long)count;
        TimeSpan? duration = null;
        if (document["state"] is JsonObject state && state["testRunDurationMs"] is JsonValue ms && ms.TryGetValue<double>(out var value) && double.IsFinite(value) && value >= 0)
        {
            duration = value <= MaximumRunMilliseconds
                ? TimeSpan.FromMilliseconds(value)
                : throw new InputRefusedException(source, null, $"state.testRunDurationMs = {value.ToString(CultureInfo.InvariantCulture)}", "the run's duration in milliseconds, at most a year");
        }
        if (failed is < 0 or > 1)
        {
            throw new InputRefusedException(source, null, $"metrics.http_req_failed = {failed.ToString(CultureInfo.InvariantCulture)}", "a fraction from 0 to 1");
        }

        var checks = new SortedDictionary<string, (long, long)>(StringComparer.Ordinal);
        CollectChecks(document["root_group"], checks, source);
        return new K6Summary(p95, failed, iterations, requests, duration, checks);
    }

    private static double Number(JsonObject metrics, string metric, string field, string source, string? alternative = null)
    {
        if (metrics[metric] is not JsonObject node)
        {
            throw new InputRefusedException(source, null, $"no metric '{metric}'", $"metrics.{metric} (k6 reports it for every run that made HTTP requests)");
        }

        // The export puts values beside the metric's name; handleSummary's data nests them in 'values'.
        var values = node["values"] as JsonObject ?? node;
        foreach (var name in alternative is null ? [field] : new[] { field, alternative })
        {
            if (values[name] is JsonValue v && v.TryGetValue<double>(out var number) && double.IsFinite(number))
            {
                return number;
            }
        }

        throw new InputRefusedException(source, null, $"metrics.{metric} without a number '{field}'", $"metrics.{metric}[\"{field}\"] as k6 writes it (for the p95, keep 'p(95)' in summaryTrendStats)");
    }

    private static void CollectChecks(JsonNode? group, SortedDictionary<string, (long, long)> checks, string source)
    {
        if (group is not JsonObject g)
        {
            return;
        }

        foreach (var check in Items(g["checks"]))
        {
            var name = check["name"] is JsonValue n && n.TryGetValue<string>(out var text) ? text : throw new InputRefusedException(source, null, "a check without a name", "every check in root_group with its 'name', 'passes' and 'fails'");
            var passes = check["passes"] is JsonValue p && p.TryGetValue<long>(out var pv) && pv >= 0 ? pv : throw new InputRefusedException(source, null, $"check '{name}' without a whole 'passes'", "'passes' and 'fails' counts");
            var fails = check["fails"] is JsonValue f && f.TryGetValue<long>(out var fv) && fv >= 0 ? fv : throw new InputRefusedException(source, null, $"check '{name}' without a whole 'fails'", "'passes' and 'fails' counts");
            checks[name] = checks.TryGetValue(name, out var seen) ? (seen.Item1 + passes, seen.Item2 + fails) : (passes, fails);
        }

        foreach (var child in Items(g["groups"]))
        {
            CollectChecks(child, checks, source);
        }
    }

    private static IEnumerable<JsonObject> Items(JsonNode? node) => node switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject map => map.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };
}
