using System.Diagnostics;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Database;

/// <summary>The throwaway-cluster script fails with the package to install, never silently.</summary>
public sealed class TestPostgresScriptTests
{
    [Fact]
    public void A_missing_server_names_the_debian_package_to_install()
    {
        var (code, error) = Run(["start"], ("KORA_PG_BIN", "/nonexistent/postgresql/bin"));

        Assert.NotEqual(0, code);
        Assert.Contains("install the Debian package postgresql-15", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Stop_without_a_cluster_directory_is_a_usage_error()
    {
        var (code, error) = Run(["stop"]);

        Assert.NotEqual(0, code);
        Assert.Contains("usage", error, StringComparison.Ordinal);
    }

    private static (int Code, string Error) Run(string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "scripts", "db", "test-postgres.sh"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Result);
    }
}
