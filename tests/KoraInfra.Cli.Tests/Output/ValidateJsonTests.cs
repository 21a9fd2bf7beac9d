using System.Text.Json;
using KoraInfra.Cli.Tests.Support;

namespace KoraInfra.Cli.Tests.Output;

public sealed class ValidateJsonTests
{
    [Fact]
    public void Valid_files_report_each_stack_with_its_settings()
    {
        var run = Kora.Run("validate", "--all", "--json", "--project-dir", Repository.Root);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Empty(run.Error);
        var json = JsonDocumentOf.Parse(run);
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal(3, json.GetProperty("total").GetInt32());
        Assert.Equal(0, json.GetProperty("invalid").GetInt32());
        var prod = json.GetProperty("stackFiles").EnumerateArray().Single(f => f.GetProperty("file").GetString() == "Pulumi.prod.yaml");
        Assert.True(prod.GetProperty("valid").GetBoolean());
        Assert.Equal("prod", prod.GetProperty("stack").GetString());
        Assert.Equal("large", prod.GetProperty("sizingTier").GetString());
        Assert.Equal("managed", prod.GetProperty("cluster").GetString());
        Assert.Equal(0, prod.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public void An_invalid_file_reports_each_problem_with_file_line_and_key()
    {
        var text = File.ReadAllText(Repository.StackFile("prod")).Replace("kora-infra:sizingTier: large", "kora-infra:sizingTier: medium", StringComparison.Ordinal);
        var project = Repository.ScratchProject(("Pulumi.prod.yaml", text));

        var run = Kora.Run("validate", "--stack", "prod", "--json", "--project-dir", project);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        var json = JsonDocumentOf.Parse(run);
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal(1, json.GetProperty("invalid").GetInt32());
        var file = json.GetProperty("stackFiles")[0];
        Assert.False(file.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, file.GetProperty("stack").ValueKind);
        var problem = file.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "kora-infra:sizingTier");
        Assert.Equal("Pulumi.prod.yaml", problem.GetProperty("file").GetString());
        Assert.True(problem.GetProperty("line").GetInt32() > 0);
        Assert.Contains("'large'", problem.GetProperty("expected").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Pulumi.prod.yaml:", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_usage_mistake_leaves_standard_output_empty_and_exits_two()
    {
        var run = Kora.Run("validate", "--json", "--stack", "qa", "--project-dir", Repository.Root);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("unknown stack 'qa'", run.Error, StringComparison.Ordinal);
    }
}
