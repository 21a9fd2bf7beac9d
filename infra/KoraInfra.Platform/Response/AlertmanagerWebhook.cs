using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KoraInfra.Platform.Response;

/// <summary>
/// Reads Alertmanager's webhook payload (version <c>"4"</c>: <c>receiver</c>, <c>status</c>,
/// <c>alerts[]</c> with <c>status</c>, <c>labels</c>, <c>annotations</c>, <c>startsAt</c>,
/// <c>endsAt</c>, <c>fingerprint</c>). Every problem is reported with its JSON path and what
/// would be right; a payload with any problem is refused whole, so nothing is half-applied.
/// </summary>
public static partial class AlertmanagerWebhook
{
    /// <summary>The payload version this reader understands.</summary>
    public const string Version = "4";

    /// <summary>The most alerts one payload may carry (Alertmanager's <c>max_alerts</c> is set below it).</summary>
    public const int MaxAlerts = 500;

    /// <summary>Parses and validates a payload.</summary>
    public static WebhookPayload Parse(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, byte {ex.BytePositionInLine + 1}" : string.Empty;
            return WebhookPayload.Refused([$"the body is not JSON{where}; expected Alertmanager's webhook payload (version \"4\")"]);
        }

        using (document)
        {
            var problems = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return WebhookPayload.Refused([$"$: a JSON {Kind(root)}; expected an object (Alertmanager's webhook payload)"]);
            }

            var version = String(root, "version", "$", problems);
            if (version is not null && version != Version)
            {
                problems.Add($"$.version: '{version}'; expected \"{Version}\" (Alertmanager's webhook payload version)");
            }

            String(root, "receiver", "$", problems);
            Status(root, "$", problems);
            var alerts = new List<ReceivedAlert>();
            if (!root.TryGetProperty("alerts", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                problems.Add("$.alerts: missing or not an array; expected the list of alerts");
            }
            else if (list.GetArrayLength() == 0 || list.GetArrayLength() > MaxAlerts)
            {
                problems.Add($"$.alerts: {list.GetArrayLength()} alerts; expected 1 to {MaxAlerts}");
            }
            else
            {
                var i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    if (Alert(item, $"$.alerts[{i}]", problems) is { } alert)
                    {
                        alerts.Add(alert);
                    }

                    i++;
                }
            }

            return problems.Count > 0 ? WebhookPayload.Refused(problems) : new WebhookPayload(alerts, []);
        }
    }

    private static ReceivedAlert? Alert(JsonElement item, string path, List<string> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: a JSON {Kind(item)}; expected an alert object");
            return null;
        }

        var before = problems.Count;
        var status = Status(item, path, problems);
        var labels = Map(item, "labels", path, problems, required: true);
        var annotations = Map(item, "annotations", path, problems, required: false);
        var startsAt = Time(item, "startsAt", path, problems);
        var endsAt = Time(item, "endsAt", path, problems);
        var fingerprint = String(item, "fingerprint", path, problems);
        if (fingerprint is not null && !FingerprintPattern().IsMatch(fingerprint))
        {
            problems.Add($"{path}.fingerprint: '{Cut(fingerprint)}'; expected Alertmanager's fingerprint (16 hexadecimal digits)");
        }

        string? name = null;
        if (labels is not null && (!labels.TryGetValue("alertname", out name) || name.Length == 0))
        {
            problems.Add($"{path}.labels.alertname: missing; every alert names itself");
        }

        if (problems.Count > before)
        {
            return null;
        }

        // Alertmanager sends the zero time as endsAt for an alert still firing.
        var ends = endsAt!.Value.Year <= 1 ? (DateTimeOffset?)null : endsAt;
        return new ReceivedAlert(fingerprint!, status == "firing", name!, labels!, annotations ?? new Dictionary<string, string>(), startsAt!.Value, status == "firing" ? null : ends);
    }

    private static string? Status(JsonElement element, string path, List<string> problems)
    {
        var status = String(element, "status", path, problems);
        if (status is not null and not ("firing" or "resolved"))
        {
            problems.Add($"{path}.status: '{Cut(status)}'; expected \"firing\" or \"resolved\"");
            return null;
        }

        return status;
    }

    private static string? String(JsonElement element, string name, string path, List<string> problems)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{path}.{name}: {(element.TryGetProperty(name, out var v) ? "a JSON " + Kind(v) : "missing")}; expected a string");
            return null;
        }

        return value.GetString();
    }

    private static DateTimeOffset? Time(JsonElement element, string name, string path, List<string> problems)
    {
        var text = String(element, name, path, problems);
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            problems.Add($"{path}.{name}: '{Cut(text)}'; expected an RFC 3339 time such as 2026-02-10T12:00:00Z");
            return null;
        }

        return time;
    }

    private static Dictionary<string, string>? Map(JsonElement element, string name, string path, List<string> problems, bool required)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            if (required)
            {
                problems.Add($"{path}.{name}: missing; expected an object of string values");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}.{name}: a JSON {Kind(value)}; expected an object of string values");
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                problems.Add($"{path}.{name}.{property.Name}: a JSON {Kind(property.Value)}; expected a string");
                continue;
            }

            map[property.Name] = property.Value.GetString()!;
        }

        return map;
    }

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();

    private static string Cut(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex FingerprintPattern();
}
