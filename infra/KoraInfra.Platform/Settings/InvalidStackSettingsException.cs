namespace KoraInfra.Platform.Settings;

/// <summary>
/// Stops a deployment before any resource is declared. Its message lists every problem, one per
/// line, so <c>pulumi preview</c> shows the whole report in one go.
/// </summary>
public sealed class InvalidStackSettingsException : Exception
{
    /// <summary>Creates the exception from the binder's problems.</summary>
    public InvalidStackSettingsException(IReadOnlyList<SettingsProblem> problems)
        : base(Format(problems)) => Problems = problems;

    /// <summary>Creates an exception without problems (required by the exception pattern).</summary>
    public InvalidStackSettingsException()
        : this([])
    {
    }

    /// <summary>Creates an exception with a message (required by the exception pattern).</summary>
    public InvalidStackSettingsException(string message)
        : base(message) => Problems = [];

    /// <summary>Creates an exception with a message and a cause (required by the exception pattern).</summary>
    public InvalidStackSettingsException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<SettingsProblem> Problems { get; }

    private static string Format(IReadOnlyList<SettingsProblem> problems) =>
        $"the stack settings have {problems.Count} problem(s):" + Environment.NewLine
        + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
