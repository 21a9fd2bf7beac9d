using System.Diagnostics;

namespace KoraInfra.Cli.Tests.Support;

/// <summary>
/// The real CycloneDX generator for .NET, pinned in .config/dotnet-tools.json, run on the
/// repository's kora project as the pipeline runs it. It reads the restore the build already
/// did (<c>--disable-package-restore</c>), so it needs no network and changes no build output.
/// </summary>
internal static class CycloneDx
{
    private static readonly Lazy<string?> Restored = new(() => Dotnet("tool", "restore").Failure);

    /// <summary>Writes the SBOM of the kora project with the given metadata component; returns its path.</summary>
    public static string KoraSbom(string outputDir, string name, string version, string type = "Application")
    {
        if (Restored.Value is { } restore)
        {
            Assert.Fail($"'dotnet tool restore' failed; the CycloneDX tool (dotnet tool 'cyclonedx' 6.3.1, .config/dotnet-tools.json) is needed:\n{restore}");
        }

        var file = Guid.NewGuid().ToString("N") + ".cdx.json";
        var run = Dotnet(
            "CycloneDX", Path.Combine("infra", "KoraInfra.Cli", "KoraInfra.Cli.csproj"),
            "--output-format", "Json", "--spec-version", "1.6", "--disable-package-restore", "--no-serial-number",
            "--set-name", name, "--set-version", version, "--set-type", type,
            "--output", outputDir, "--filename", file);
        var path = Path.Combine(outputDir, file);
        Assert.True(run.Failure is null && File.Exists(path), $"dotnet CycloneDX did not write the SBOM:\n{run.Failure}");
        return path;
    }

    private static (string? Failure, string Output) Dotnet(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", args)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            return ($"'dotnet {string.Join(' ', args)}' did not finish within 3 minutes", output.Result);
        }

        return (process.ExitCode == 0 ? null : $"exit {process.ExitCode}\n{output.Result}\n{error.Result}", output.Result);
    }
}
