using System.Globalization;
using System.Net;
using System.Text.Json;

namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>Prometheus's HTTP API: <c>GET /api/v1/query?query=..&amp;time=..</c>, an instant query.</summary>
public sealed class PrometheusHttpQuery : IPrometheusQuery
{
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;

    /// <summary>Asks the Prometheus at <paramref name="baseUrl"/> through <paramref name="http"/> (its timeout bounds each query).</summary>
    public PrometheusHttpQuery(Uri baseUrl, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(http);
        _baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _http = http;
    }

    /// <inheritdoc/>
    public string Where => _baseUrl.AbsoluteUri;

    /// <inheritdoc/>
    public async Task<double?> InstantAsync(string query, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var time = (at.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
        var url = new Uri(_baseUrl, $"api/v1/query?query={Uri.EscapeDataString(query)}&time={time}");
        string body;
        HttpStatusCode status;
        try
        {
            using var response = await _http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new PrometheusUnavailableException($"Prometheus at {Where} is unreachable: {ex.Message}", innerException: ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PrometheusUnavailableException($"Prometheus at {Where} did not answer within {_http.Timeout.TotalSeconds:0} s", innerException: ex);
        }

        if ((int)status >= 500)
        {
            throw new PrometheusUnavailableException($"Prometheus at {Where} answered {(int)status} {status}; retry when it is healthy");
        }

        return Parse(body, status, query);
    }

    private double? Parse(string body, HttpStatusCode status, string query)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.GetProperty("status").GetString() != "success")
            {
                var error = root.TryGetProperty("error", out var e) ? e.GetString() : "no error text";
                throw new PrometheusUnavailableException($"Prometheus at {Where} refused the query '{query}' ({(int)status}): {error}", notPrometheus: true);
            }

            var data = root.GetProperty("data");
            var values = data.GetProperty("resultType").GetString() switch
            {
                "vector" => data.GetProperty("result").EnumerateArray().Select(r => Sample(r.GetProperty("value"))).ToList(),
                "scalar" => [Sample(data.GetProperty("result"))],
                var other => throw new PrometheusUnavailableException($"Prometheus at {Where} answered '{query}' with a {other}; expected an instant vector or scalar", notPrometheus: true),
            };
            return values.Count == 0 ? null : values.Max();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new PrometheusUnavailableException($"{Where} did not answer as a Prometheus HTTP API ({(int)status}); expected the server's base URL, e.g. http://prometheus-operated.monitoring:9090", notPrometheus: true, innerException: ex);
        }
    }

    // A sample is [unix time, "value"]; Prometheus writes NaN and infinities as text too.
    private static double Sample(JsonElement pair) => pair[1].GetString() switch
    {
        "NaN" => double.NaN,
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        { } text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        null => throw new FormatException("no value"),
    };
}
