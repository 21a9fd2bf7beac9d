using System.Diagnostics;
using System.Text.Json.Nodes;
using KoraInfra.Cli.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KoraInfra.Cli.Tests.Commands;

public sealed class PolicyServeCommandTests
{
    private const string Redis = """{ "type": "azure-native:redis:Redis", "urn": "urn:pulumi:prod::kora-infra::azure-native:redis:Redis::redis", "inputs": { "enableNonSslPort": true, "minimumTlsVersion": "1.2", "publicNetworkAccess": "Disabled", "tags": { "environment": "prod", "owner": "devops", "data-classification": "confidential", "cost-center": "x" } } }""";

    private static KoraRun Serve(string stdin, string stack = "prod") =>
        Kora.Run(new KoraServices(new StringReader(stdin), new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero))), "policy", "serve", "--stack", stack);

    [Fact]
    public void Serve_answers_each_request_line_in_order_and_exits_0_at_the_end_of_input()
    {
        var run = Serve($$"""
            { "id": 1, "op": "resource", "resource": {{Redis}} }

            not json
            { "id": 3, "op": "stack", "resources": [] }
            """);

        Assert.Equal(0, run.ExitCode);
        var answers = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(3, answers.Count);
        Assert.Equal("KORA-030", answers[0]["verdict"]!["violations"]![0]!["ruleId"]!.GetValue<string>());
        Assert.StartsWith("request on line 3: not valid JSON", answers[1]["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(3, answers[2]["id"]!.GetValue<int>());
        Assert.Contains(answers[2]["verdict"]!["violations"]!.AsArray(), v => v!["ruleId"]!.GetValue<string>() == "KORA-001");
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Serve_refuses_an_unknown_stack_as_a_usage_mistake()
    {
        var run = Serve(string.Empty, "qa");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("stack 'qa' is not a KoraOS stack", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_say_which_are_judged_per_resource()
    {
        var rules = JsonNode.Parse(Kora.Run("policy", "rules", "--stack", "prod").Output)!["rules"]!.AsArray();

        Assert.Equal("stack", rules.Single(r => r!["id"]!.GetValue<string>() == "KORA-001")!["scope"]!.GetValue<string>());
        Assert.Equal("resource", rules.Single(r => r!["id"]!.GetValue<string>() == "KORA-030")!["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task Serve_as_a_process_answers_before_its_input_ends_and_exits_when_it_does()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "kora.dll"), "policy", "serve", "--stack", "prod" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.WriteLine($$"""{ "id": 1, "op": "resource", "resource": {{Redis}} }""");
        process.StandardInput.Flush();

        // The answer arrives while standard input is still open: the pack waits for it.
        var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, JsonNode.Parse(first!)!["id"]!.GetValue<int>());

        process.StandardInput.WriteLine("""{ "id": 2, "op": "resource", "resource": { "type": "kubernetes:core/v1:Namespace", "urn": "urn:pulumi:prod::kora-infra::kubernetes:core/v1:Namespace::kora", "inputs": {} } }""");
        process.StandardInput.Close();
        var rest = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("KORA-003", rest, StringComparison.Ordinal);
    }
}
