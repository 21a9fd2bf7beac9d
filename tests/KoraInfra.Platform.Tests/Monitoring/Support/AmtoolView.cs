using System.Text.RegularExpressions;

namespace KoraInfra.Platform.Tests.Monitoring.Support;

/// <summary>
/// The rendered Alertmanager file as the installed <c>amtool</c> can read it. The deployed
/// Alertmanager (from the pinned chart) reads webhook URLs with <c>url_file</c>; Debian 12's
/// amtool 0.25 predates that field, so for it alone each <c>url_file</c> is replaced by a
/// placeholder URL on the reserved <c>.invalid</c> domain. Routes, inhibitions and receivers are
/// judged unchanged; a newer amtool judges the file exactly as rendered.
/// </summary>
internal static partial class AmtoolView
{
    public static string For(string rendered, MonitoringTool amtool)
    {
        var version = VersionPattern().Match(amtool.Run(Path.GetTempPath(), "--version").Output);
        Assert.True(version.Success, "could not read amtool's version");
        var (major, minor) = (int.Parse(version.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(version.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        return major > 0 || minor >= 26
            ? rendered
            : UrlFile().Replace(rendered, m => $"url: https://{Path.GetFileName(m.Groups[1].Value)}.receiver.invalid/");
    }

    [GeneratedRegex(@"version (\d+)\.(\d+)\.")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("url_file: (\\S+)")]
    private static partial Regex UrlFile();
}
