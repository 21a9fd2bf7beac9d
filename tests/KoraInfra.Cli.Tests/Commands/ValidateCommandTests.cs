using KoraInfra.Cli.Tests.Support;
using KoraInfra.TestCases;

namespace KoraInfra.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    public static TheoryData<MalformedStackFile> Cases() => MalformedStackFiles.FromRepository();

    [Fact]
    public void All_committed_stack_files_are_valid()
    {
        var run = Kora.Run("validate", "--all", "--project-dir", Repository.Root);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("3 stack file(s) valid", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_malformed_file_fails_naming_file_and_key_without_a_stack_trace(MalformedStackFile file)
    {
        var project = Repository.ScratchProject((file.FileName, file.Text));

        var run = Kora.Run("validate", "--all", "--project-dir", project);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains(run.Output.Split('\n'), line => line.Contains(file.FileName, StringComparison.Ordinal) && line.Contains($" {file.Key}: ", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void All_requires_every_environment_to_have_a_stack_file()
    {
        var project = Repository.ScratchProject(("Pulumi.dev.yaml", File.ReadAllText(Repository.StackFile("dev"))));

        var run = Kora.Run("validate", "--all", "--project-dir", project);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("Pulumi.staging.yaml: 1 problem(s)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Pulumi.prod.yaml: 1 problem(s)", run.Output, StringComparison.Ordinal);
        Assert.Contains("ok    Pulumi.dev.yaml", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void One_stack_is_validated_alone()
    {
        var project = Repository.ScratchProject(("Pulumi.prod.yaml", File.ReadAllText(Repository.StackFile("prod"))));

        var run = Kora.Run("validate", "--stack", "prod", "--project-dir", project);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 stack file(s) valid", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "validate" }, "--stack dev|staging|prod")]
    [InlineData(new[] { "validate", "--stack", "dev", "--all" }, "--stack dev|staging|prod")]
    [InlineData(new[] { "validate", "--stack", "qa" }, "unknown stack 'qa'")]
    [InlineData(new[] { "validate", "--stakc", "dev" }, "--stakc")]
    [InlineData(new[] { "valdate" }, "valdate")]
    public void Usage_mistakes_exit_2_with_one_clear_line(string[] args, string fragment)
    {
        var run = Kora.Run([.. args, "--project-dir", Repository.Root]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(fragment, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_dir_without_pulumi_yaml_is_a_usage_error()
    {
        var run = Kora.Run("validate", "--all", "--project-dir", Path.GetTempPath());

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("holds no Pulumi.yaml", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void As_a_process_it_finds_the_project_from_the_working_directory_and_exits_non_zero_on_a_bad_file()
    {
        var good = Kora.Process(Repository.Root, "validate", "--all");
        var project = Repository.ScratchProject(("Pulumi.dev.yaml", "config:\n  kora-infra:environment: [dev\n"));
        var bad = Kora.Process(project, "validate", "--stack", "dev");

        Assert.Equal(0, good.ExitCode);
        Assert.Equal(ExitCodes.Findings, bad.ExitCode);
        Assert.Contains("Pulumi.dev.yaml:", bad.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bad.All, StringComparison.Ordinal);
    }
}
