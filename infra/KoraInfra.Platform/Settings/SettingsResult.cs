namespace KoraInfra.Platform.Settings;

/// <summary>Either valid settings or every problem found; never both, never neither.</summary>
public sealed record SettingsResult
{
    private SettingsResult(StackSettings? settings, IReadOnlyList<SettingsProblem> problems)
    {
        Settings = settings;
        Problems = problems;
    }

    /// <summary>The settings, when there is no problem.</summary>
    public StackSettings? Settings { get; }

    /// <summary>Every problem, in file order.</summary>
    public IReadOnlyList<SettingsProblem> Problems { get; }

    /// <summary>Whether the settings are valid.</summary>
    public bool IsValid => Settings is not null;

    /// <summary>The settings, or an exception listing every problem (for the Pulumi program, which must stop).</summary>
    public StackSettings Require() => Settings ?? throw new InvalidStackSettingsException(Problems);

    internal static SettingsResult Valid(StackSettings settings) => new(settings, []);

    internal static SettingsResult Invalid(IReadOnlyList<SettingsProblem> problems) =>
        problems.Count == 0 ? throw new ArgumentException("an invalid result needs at least one problem", nameof(problems)) : new(null, problems);
}
