using System.Text.Json;
using KoraInfra.Cli.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KoraInfra.Cli.Tests.Output;

public sealed class PolicyReportJsonTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static string Fixture(string name) => Path.Combine(Repository.Root, "tests", "KoraInfra.Platform.Tests", "Policy", "Fixtures", name);

    private static KoraRun Run(params string[] args) => Kora.Run(new KoraServices(new StringReader(string.Empty), new FakeTimeProvider(Now)), args);

    [Fact]
    public void Json_is_the_same_document_as_format_json()
    {
        var json = Run("policy", "report", "--input", Fixture("stack-export.prod.json"), "--json");
        var format = Run("policy", "report", "--input", Fixture("stack-export.prod.json"), "--format", "json");

        Assert.Equal(ExitCodes.Findings, json.ExitCode);
        Assert.Equal(format.ExitCode, json.ExitCode);
        Assert.Equal(format.Output, json.Output);
        var report = JsonDocumentOf.Parse(json);
        Assert.True(report.GetProperty("blocked").GetBoolean());
        Assert.Equal("prod", report.GetProperty("stack").GetString());
        var violation = report.GetProperty("violations").EnumerateArray().First(v => v.GetProperty("urn").ValueKind == JsonValueKind.String);
        Assert.Equal("mandatory", violation.GetProperty("level").GetString());
        Assert.StartsWith("KORA-", violation.GetProperty("ruleId").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("urn:pulumi:prod::", violation.GetProperty("urn").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_passing_stack_is_not_blocked()
    {
        var run = Run("policy", "report", "--input", Fixture("preview.staging.json"), "--json");

        var report = JsonDocumentOf.Parse(run);
        Assert.Equal(report.GetProperty("blocked").GetBoolean() ? ExitCodes.Findings : ExitCodes.Ok, run.ExitCode);
        Assert.Equal("staging", report.GetProperty("stack").GetString());
        Assert.Equal(JsonValueKind.Array, report.GetProperty("violations").ValueKind);
    }

    [Fact]
    public void Json_with_another_format_is_a_usage_mistake()
    {
        var run = Run("policy", "report", "--input", Fixture("stack-export.prod.json"), "--json", "--format", "sarif");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("--json is --format json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_to_a_file_leaves_standard_output_empty()
    {
        var target = Path.Combine(Directory.CreateTempSubdirectory("kora-report-").FullName, "policy.json");

        var run = Run("policy", "report", "--input", Fixture("stack-export.prod.json"), "--json", "--out", target);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("wrote ", run.Error, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(target));
        Assert.True(document.RootElement.GetProperty("blocked").GetBoolean());
    }

    [Fact]
    public void Text_on_a_terminal_is_a_table_and_piped_text_is_unchanged()
    {
        var services = new KoraServices(new StringReader(string.Empty), new FakeTimeProvider(Now)) { Terminal = Kora.Terminal };

        var terminal = Kora.Run(services, "policy", "report", "--input", Fixture("stack-export.prod.json"));
        var piped = Run("policy", "report", "--input", Fixture("stack-export.prod.json"));

        Assert.Equal(ExitCodes.Findings, terminal.ExitCode);
        Assert.Contains("╭", terminal.Output, StringComparison.Ordinal);
        Assert.Contains("BLOCKED", terminal.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("╭", piped.Output, StringComparison.Ordinal);
        Assert.Contains(piped.Output.Split('\n'), l => l.StartsWith("MANDATORY KORA-", StringComparison.Ordinal));
    }
}
