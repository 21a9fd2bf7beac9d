using KoraInfra.Platform.Response;

namespace KoraInfra.Responder;

/// <summary>Posts the responder's alerts to Alertmanager's API (<c>POST /api/v2/alerts</c>), so they go through the routes.</summary>
public sealed class AlertmanagerClient(HttpClient http, TimeProvider time)
{
    /// <summary>Posts one alert; an unreachable or refusing Alertmanager is an <see cref="AlertmanagerUnreachableException"/> naming it.</summary>
    public async Task PostAsync(IReadOnlyDictionary<string, string> labels, string summary, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var now = time.GetUtcNow();
        var body = new[]
        {
            new
            {
                labels,
                annotations = new Dictionary<string, string>(StringComparer.Ordinal) { ["summary"] = summary },
                startsAt = now,
                // Until it is sent again (each round while the step holds), then it resolves by itself.
                endsAt = now.AddMinutes(10),
            },
        };
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(new Uri("api/v2/alerts", UriKind.Relative), body, cancel);
        }
        catch (HttpRequestException ex)
        {
            throw new AlertmanagerUnreachableException($"Alertmanager at {http.BaseAddress} is unreachable ({ex.Message}); the escalation will be retried", ex);
        }
        catch (TaskCanceledException ex) when (!cancel.IsCancellationRequested)
        {
            throw new AlertmanagerUnreachableException($"Alertmanager at {http.BaseAddress} did not answer in time; the escalation will be retried", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancel);
                throw new AlertmanagerUnreachableException($"Alertmanager at {http.BaseAddress} refused the alert: {(int)response.StatusCode} {text.Trim()}");
            }
        }
    }

    /// <summary>The labels of the escalation alert for a step.</summary>
    public static IReadOnlyDictionary<string, string> Escalation(Incident incident, string step, string reason) => EscalationAlert.Labels(incident, step, reason);
}

/// <summary>Alertmanager could not take an alert: nothing was recorded, the next round retries.</summary>
public sealed class AlertmanagerUnreachableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AlertmanagerUnreachableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AlertmanagerUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AlertmanagerUnreachableException()
    {
    }
}
