using KoraInfra.Cli.Tests.Support;

namespace KoraInfra.Cli.Tests.Output;

/// <summary>
/// Piped output must not load Spectre.Console at all (start-up time is measured on it): kora runs
/// here as a real process from a copy of its build output without that library, so any use of
/// it on the plain or JSON path fails the run.
/// </summary>
public sealed class PlainPathTests : IDisposable
{
    // Stands for the repository in the cases (attributes take constants only).
    private const string Root = "<repository>";

    private readonly string _app = Directory.CreateTempSubdirectory("kora-without-spectre-").FullName;

    public PlainPathTests()
    {
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory))
        {
            var name = Path.GetFileName(file);
            var spectre = name.StartsWith("Spectre.Console", StringComparison.Ordinal);

            // Without its dependency manifest the host loads what the directory holds, so the missing library is not an error until something asks for it.
            if (!spectre && name != "kora.deps.json" && (name.EndsWith(".dll", StringComparison.Ordinal) || name == "kora.runtimeconfig.json"))
            {
                File.Copy(file, Path.Combine(_app, name));
            }
        }
    }

    public void Dispose() => Directory.Delete(_app, recursive: true);

    [Theory]
    [InlineData("validate", "--all", "--project-dir", Root)]
    [InlineData("validate", "--all", "--json", "--project-dir", Root)]
    [InlineData("secrets", "--stack", "prod", "--project-dir", Root)]
    [InlineData("secrets", "--stack", "prod", "--json", "--project-dir", Root)]
    [InlineData("network", "plan", "--stack", "prod", "--project-dir", Root)]
    [InlineData("network", "plan", "--stack", "prod", "--json", "--project-dir", Root)]
    [InlineData("policy", "report", "--input", "tests/KoraInfra.Platform.Tests/Policy/Fixtures/preview.staging.json")]
    [InlineData("policy", "report", "--input", "tests/KoraInfra.Platform.Tests/Policy/Fixtures/preview.staging.json", "--json")]
    public void A_piped_report_runs_without_Spectre_Console(params string[] args)
    {
        var run = Run([.. args.Select(a => a == Root ? Repository.Root : a)]);

        // A policy verdict may block (exit 1); a missing library would be an internal error (exit 70).
        Assert.True(args[0] == "policy" ? run.ExitCode is ExitCodes.Ok or ExitCodes.Findings : run.ExitCode == ExitCodes.Ok, run.All);
        Assert.NotEmpty(run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void The_version_runs_without_Spectre_Console()
    {
        var run = Run(["--version"]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.All);
        Assert.StartsWith("1.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_copy_really_lacks_the_library()
    {
        Assert.False(File.Exists(Path.Combine(_app, "Spectre.Console.dll")));
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "Spectre.Console.dll")));
    }

    private KoraRun Run(string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            // The policy cases name their fixtures relative to the repository.
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(_app, "kora.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("kora did not finish within 60 s");
        }

        return new KoraRun(process.ExitCode, output.Result, error.Result);
    }
}
