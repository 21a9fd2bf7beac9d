using System.Diagnostics;
using KoraInfra.Cli.Tests.Support;
using KoraInfra.TestCases;

namespace KoraInfra.Cli.Tests.Input;

public sealed class HostileStackFileTests
{
    private static readonly string Dev = File.ReadAllText(Repository.StackFile("dev"));

    [Fact]
    public void Validate_refuses_an_alias_bomb_in_under_a_second_naming_the_file_and_line()
    {
        var project = Repository.ScratchProject(("Pulumi.dev.yaml", HostileStackFiles.AliasBomb(Dev)));
        var (first, last) = HostileStackFiles.AliasBombLines(Dev);

        var clock = Stopwatch.StartNew();
        var run = Kora.Run("validate", "--stack", "dev", "--project-dir", project);
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        var line = Assert.Single(run.Output.Split('\n'), l => l.Contains("alias bomb", StringComparison.Ordinal));
        var at = int.Parse(line.Trim().Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("Pulumi.dev.yaml:", line.Trim(), StringComparison.Ordinal);
        Assert.InRange(at, first, last);
        Assert.DoesNotContain("defect", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_names_a_file_that_is_not_utf8_by_byte_as_a_real_process()
    {
        var project = Repository.ScratchProject();
        var bytes = HostileStackFiles.NotUtf8(Dev, out var badByte, out var lineNumber);
        File.WriteAllBytes(Path.Combine(project, "Pulumi.dev.yaml"), bytes);

        var run = Kora.Process(project, "validate", "--stack", "dev", "--project-dir", project);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains($"Pulumi.dev.yaml:{lineNumber}: (file): text that is not UTF-8 at byte {badByte}", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("missing", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_names_a_duplicated_key_and_both_lines()
    {
        var project = Repository.ScratchProject(("Pulumi.dev.yaml", HostileStackFiles.DuplicatedKey(Dev)));
        var second = HostileStackFiles.LineAfterAnchor(Dev);

        var run = Kora.Run("validate", "--stack", "dev", "--project-dir", project);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains($"Pulumi.dev.yaml:{second}: (yaml): the key 'kora-infra:sizingTier' appears twice in the same mapping (lines {second - 1} and {second})", run.Output, StringComparison.Ordinal);
    }
}
