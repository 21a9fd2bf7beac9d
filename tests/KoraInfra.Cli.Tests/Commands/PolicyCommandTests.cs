using System.Text.Json.Nodes;
using KoraInfra.Cli.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KoraInfra.Cli.Tests.Commands;

public sealed class PolicyCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static string Fixture(string name) => Path.Combine(Repository.Root, "tests", "KoraInfra.Platform.Tests", "Policy", "Fixtures", name);

    private static KoraRun Run(string stdin, params string[] args) =>
        Kora.Run(new KoraServices(new StringReader(stdin), new FakeTimeProvider(Now)), args);

    [Fact]
    public void Rules_lists_every_rule_with_its_level_in_the_stack()
    {
        var run = Run(string.Empty, "policy", "rules", "--stack", "dev");

        Assert.Equal(0, run.ExitCode);
        var rules = JsonNode.Parse(run.Output)!["rules"]!.AsArray();
        Assert.Contains(rules, r => r!["id"]!.GetValue<string>() == "KORA-001" && r["level"]!.GetValue<string>() == "disabled");
        Assert.Contains(rules, r => r!["id"]!.GetValue<string>() == "KORA-013" && r["level"]!.GetValue<string>() == "advisory");
    }

    [Fact]
    public void Eval_reads_resources_on_stdin_and_exits_1_on_a_mandatory_violation()
    {
        const string request = """
            { "stack": "prod", "resources": [
              { "type": "azure-native:redis:Redis", "urn": "urn:pulumi:prod::kora-infra::azure-native:redis:Redis::redis",
                "inputs": { "enableNonSslPort": true, "minimumTlsVersion": "1.2", "publicNetworkAccess": "Disabled",
                            "tags": { "environment": "prod", "owner": "devops", "data-classification": "confidential", "cost-center": "x" } } } ] }
            """;

        var run = Run(request, "policy", "eval");

        Assert.Equal(1, run.ExitCode);
        var verdict = JsonNode.Parse(run.Output)!;
        Assert.True(verdict["blocked"]!.GetValue<bool>());
        Assert.Contains(verdict["violations"]!.AsArray(), v => v!["ruleId"]!.GetValue<string>() == "KORA-030" && v["urn"]!.GetValue<string>().EndsWith("::redis", StringComparison.Ordinal));
    }

    [Fact]
    public void Eval_of_a_clean_dev_request_exits_0()
    {
        var run = Run("""{ "stack": "dev", "resources": [] }""", "policy", "eval");

        Assert.Equal(0, run.ExitCode);
        Assert.False(JsonNode.Parse(run.Output)!["blocked"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("text", "BLOCKED")]
    [InlineData("markdown", "**Verdict: BLOCKED**")]
    [InlineData("json", "\"blocked\": true")]
    [InlineData("sarif", "\"version\": \"2.1.0\"")]
    public void Report_renders_each_format_from_a_stack_export(string format, string fragment)
    {
        var run = Run(string.Empty, "policy", "report", "--input", Fixture("stack-export.prod.json"), "--format", format);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(fragment, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_writes_a_file_when_asked()
    {
        var target = Path.Combine(Directory.CreateTempSubdirectory("kora-report-").FullName, "policy.sarif");

        var run = Run(string.Empty, "policy", "report", "-i", Fixture("events.prod.jsonl"), "-f", "sarif", "-o", target);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("BLOCKED", run.Output, StringComparison.Ordinal);
        Assert.Equal("2.1.0", JsonNode.Parse(File.ReadAllText(target))!["version"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(new[] { "policy", "report", "--input", "/no/such/file.json" }, "does not exist")]
    [InlineData(new[] { "policy", "rules", "--stack", "qa" }, "not a KoraOS stack")]
    [InlineData(new[] { "policy", "eval" }, "standard input: the file is empty")]
    [InlineData(new[] { "policy", "report", "--input", "PLACEHOLDER", "--format", "pdf" }, "pdf")]
    public void Input_mistakes_exit_2_with_one_clear_line(string[] args, string fragment)
    {
        args = args.Select(a => a == "PLACEHOLDER" ? Fixture("preview.staging.json") : a).ToArray();

        var run = Run(string.Empty, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(fragment, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }
}
