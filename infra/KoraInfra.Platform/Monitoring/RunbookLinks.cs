namespace KoraInfra.Platform.Monitoring;

/// <summary>Where an alert's <c>runbook_url</c> points: a section of the incident runbook.</summary>
public static class RunbookLinks
{
    /// <summary>The incident runbook's file name under <c>docs/runbooks/</c>.</summary>
    public const string IncidentRunbook = "incident.md";

    /// <summary>The URL of a section of the incident runbook.</summary>
    public static string For(Uri runbookBaseUrl, string anchor)
    {
        ArgumentNullException.ThrowIfNull(runbookBaseUrl);
        return new Uri(runbookBaseUrl, IncidentRunbook).AbsoluteUri + "#" + anchor;
    }
}
