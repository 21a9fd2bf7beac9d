namespace KoraInfra.Platform.Policy.Reports;

/// <summary>Renders an evaluation in a report format.</summary>
public static class PolicyReports
{
    /// <summary>Renders <paramref name="evaluation"/>; <paramref name="stackFile"/> is the file SARIF results point at.</summary>
    public static string Render(PolicyEvaluation evaluation, ReportFormat format, string stackFile) => format switch
    {
        ReportFormat.Text => TextReport.Render(evaluation),
        ReportFormat.Json => JsonReport.Render(evaluation),
        ReportFormat.Markdown => MarkdownReport.Render(evaluation),
        ReportFormat.Sarif => SarifReport.Render(evaluation, stackFile),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a report format"),
    };
}
