namespace KoraInfra.Platform.Policy.Reports;

/// <summary>The formats of <c>kora policy report</c>.</summary>
public enum ReportFormat
{
    /// <summary>For a terminal.</summary>
    Text,

    /// <summary>For tools.</summary>
    Json,

    /// <summary>For a pull request or a sign-off record.</summary>
    Markdown,

    /// <summary>SARIF 2.1.0, for GitHub code scanning.</summary>
    Sarif,
}
