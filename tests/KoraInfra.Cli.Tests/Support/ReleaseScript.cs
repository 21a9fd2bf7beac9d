using System.Diagnostics;

namespace KoraInfra.Cli.Tests.Support;

/// <summary>Runs a pipeline script of <c>scripts/release/</c> for real, with the environment a workflow gives it.</summary>
internal static class ReleaseScript
{
    public static KoraRun Run(string script, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        RequireTool("jq", "the Debian package jq (scripts/ci/install-release.sh installs it)");
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "scripts", "release", script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within 30 s");
        }

        return new KoraRun(process.ExitCode, output.Result, error.Result);
    }

    private static void RequireTool(string tool, string package)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
        Assert.True(found, $"'{tool}' is not installed; install {package}");
    }
}
