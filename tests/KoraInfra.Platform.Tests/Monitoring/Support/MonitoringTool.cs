using System.Diagnostics;

namespace KoraInfra.Platform.Tests.Monitoring.Support;

/// <summary>The outcome of one run of a real tool.</summary>
internal sealed record ToolRun(int ExitCode, string Output, string StandardOutput)
{
    public void AssertSucceeded(string what) => Assert.True(ExitCode == 0, $"{what} failed (exit {ExitCode}):\n{Output}");
}

/// <summary>
/// The real Prometheus tools. A missing tool fails the test and names the Debian package that
/// provides it: these tests never pass without the tools they exist to run.
/// </summary>
internal sealed class MonitoringTool
{
    private MonitoringTool(string path) => Path = path;

    public static MonitoringTool Promtool => Find("promtool", "prometheus");

    public static MonitoringTool Amtool => Find("amtool", "prometheus-alertmanager");

    public string Path { get; }

    public ToolRun Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path} {string.Join(' ', args)} did not finish within 2 minutes");
        }

        return new ToolRun(process.ExitCode, output.Result + error.Result, output.Result);
    }

    private static MonitoringTool Find(string name, string debianPackage) =>
        Find(name, debianPackage, Environment.GetEnvironmentVariable("PATH") ?? string.Empty);

    /// <summary>Finds a tool on a search path; fails the test naming the package when it is not there.</summary>
    public static MonitoringTool Find(string name, string debianPackage, string searchPath)
    {
        var path = searchPath
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"'{name}' is not on PATH: install the Debian package '{debianPackage}' (apt-get install {debianPackage}, or run scripts/ci/install-monitoring.sh as root)");
        return new MonitoringTool(path!);
    }
}
