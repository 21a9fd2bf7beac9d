using KoraInfra.Platform.Settings;

namespace KoraInfra.Cli.Output.Reports;

/// <summary>One settings problem, as JSON: where, which key, what was found, what would be right.</summary>
/// <param name="File">The stack file (or configuration origin).</param>
/// <param name="Line">The 1-based line, or null.</param>
/// <param name="Key">The full key.</param>
/// <param name="Found">What the file holds (never a secret value).</param>
/// <param name="Expected">What would be right.</param>
/// <param name="Message">The same problem as the plain output's line.</param>
internal sealed record SettingsProblemReport(string File, int? Line, string Key, string Found, string Expected, string Message)
{
    public static SettingsProblemReport From(SettingsProblem problem) =>
        new(problem.Location.Source, problem.Location.Line, problem.Key, problem.Found, problem.Expected, problem.ToString());

    public static IReadOnlyList<SettingsProblemReport> From(IEnumerable<SettingsProblem> problems) => problems.Select(From).ToList();
}
