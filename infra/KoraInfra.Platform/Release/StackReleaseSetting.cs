using System.Text.RegularExpressions;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Release;

/// <summary>
/// Sets <c>kora-infra:release</c> in a stack file's text, keeping every comment and other line
/// as it is (a YAML round trip would drop the comments reviewers rely on). The result is
/// validated as a whole before anyone writes it.
/// </summary>
public static class StackReleaseSetting
{
    /// <summary>The full key.</summary>
    public const string Key = StackSettingsBinder.Namespace + ":release";

    /// <summary>The stack file text with the release set to <paramref name="manifestPath"/>.</summary>
    /// <exception cref="InvalidStackSettingsException">The result would not be a valid stack file.</exception>
    public static string With(string fileName, string text, string manifestPath)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = $"  {Key}: {manifestPath}";
        string updated;
        if (ExistingLine().IsMatch(text))
        {
            updated = ExistingLine().Replace(text, line, 1);
        }
        else
        {
            var config = ConfigLine().Match(text);
            if (!config.Success)
            {
                throw new InvalidStackSettingsException([new SettingsProblem(new SourceLocation(fileName), "config", "no 'config:' section", "a stack file with a 'config:' mapping")]);
            }

            updated = text.Insert(config.Index + config.Length, line + "\n");
        }

        StackSettingsBinder.Bind(StackFileReader.Read(fileName, updated)).Require();
        return updated;
    }

    // Built when first needed (LazyRegex): literals, run only when a promotion or a rollback pins a release.
    private static readonly LazyRegex ExistingLinePattern = new(@"^  kora-infra:release:[^\n]*$", RegexOptions.Multiline);

    private static readonly LazyRegex ConfigLinePattern = new(@"^config:[ \t]*\r?\n", RegexOptions.Multiline);

    private static Regex ExistingLine() => ExistingLinePattern.Value;

    private static Regex ConfigLine() => ConfigLinePattern.Value;
}
