using System.Text.Json;
using System.Text.Json.Nodes;
using KoraInfra.OfflinePlan;
using KoraInfra.Platform.Policy.Snapshots;
using KoraInfra.Platform.Workloads;
using KoraInfra.Tests.Support;

namespace KoraInfra.Tests.OfflinePlan;

public sealed class PlanCommandTests
{
    public static TheoryData<string> Stacks => new() { "dev", "staging", "prod" };

    private static Task<(int Code, string Output, string Error)> Plan(params string[] args) => PlanIn(Repository.Root, args);

    private static async Task<(int Code, string Output, string Error)> PlanIn(string directory, params string[] args)
    {
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(directory);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await PlanCommand.RunAsync(args, output, error);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Fact]
    public async Task Dev_plan_prints_the_tree_and_the_verdict_and_writes_a_snapshot_kora_reads()
    {
        var target = Path.Combine(Directory.CreateTempSubdirectory("kora-plan-").FullName, "plan-dev.json");

        var (code, output, error) = await Plan("--stack", "dev", "--out", target);

        Assert.True(code == 0, output + error);
        Assert.Contains("azure-native:resources:ResourceGroup resource-group  [location=brazilsouth, resourceGroupName=rg-kora-dev-brs]", output, StringComparison.Ordinal);
        Assert.Contains("rule error(s): passes", output, StringComparison.Ordinal);
        var (snapshot, format) = SnapshotReader.Read(File.ReadAllText(target), "plan-dev.json");
        Assert.Equal(SnapshotFormat.StackExport, format);
        Assert.Equal("dev", snapshot.StackName);
        Assert.Contains(snapshot.Resources, r => r.Urn.Contains("kora:foundation:PlatformFoundation$azure-native:resources:ResourceGroup::resource-group", StringComparison.Ordinal));
    }

    // The mock tests assert on what the program registers; the reviewer reads the plan's
    // snapshot. Both come from the same run, and this proves the snapshot did not lose what the
    // tests see (an unknown id once dropped every secret's expiry and the n8n Secret's data).
    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_plans_snapshot_carries_the_inputs_the_mock_tests_assert(string stack)
    {
        using var project = PlanProject.For(stack);
        var target = Path.Combine(project.Root, $"plan-{stack}.json");

        var (code, output, error) = await PlanIn(project.Root, "--stack", stack, "--out", target);

        Assert.True(code == 0, output + error);
        Assert.Contains("rule error(s): passes", output, StringComparison.Ordinal);
        var (snapshot, _) = SnapshotReader.Read(File.ReadAllText(target), Path.GetFileName(target));
        var exported = JsonNode.Parse(File.ReadAllText(target))!["deployment"]!["resources"]!.AsArray();
        Assert.All(exported.Where(r => r!["custom"]!.GetValue<bool>()), r => Assert.False(string.IsNullOrEmpty((string?)r!["id"]), $"{r!["urn"]} has no id"));
        var secrets = snapshot.Resources.Where(r => r.Type == "azure-native:keyvault:Secret").ToList();
        Assert.NotEmpty(secrets);
        Assert.All(secrets, secret =>
        {
            Assert.False(string.IsNullOrEmpty(secret.Text("properties.contentType")), $"{secret.Urn} has no content type in the snapshot");
            Assert.True(secret.Property("properties.attributes.expires") is { ValueKind: JsonValueKind.Number } expires && expires.GetDouble() > 0, $"{secret.Urn} has no expiry in the snapshot");
        });
        var credentials = Assert.Single(snapshot.Resources, r => r.Type == "kubernetes:core/v1:Secret" && r.Text("metadata.name") == N8nSecrets.SecretName);
        var stringData = credentials.Property("stringData");
        Assert.Equal(JsonValueKind.Object, stringData?.ValueKind);
        var keys = stringData!.Value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(N8nSecrets.Keys.Order(StringComparer.Ordinal), keys);
        var audit = Assert.Single(snapshot.Resources, r => r.Type == "azure-native:monitor:DiagnosticSetting" && r.Name == "vault-audit");
        Assert.StartsWith("/subscriptions/", audit.Text("resourceUri"), StringComparison.Ordinal);
        Assert.StartsWith("/subscriptions/", audit.Text("workspaceId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_leaves_an_id_unknown_gets_no_verdict_and_no_snapshot()
    {
        var target = Path.Combine(Directory.CreateTempSubdirectory("kora-plan-").FullName, "plan-dev.json");
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Repository.Root);
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code;
        try
        {
            code = await PlanCommand.RunAsync(["--stack", "dev", "--out", target], output, error, recorder => new EmptyIdMocks(recorder, "azure-native:keyvault:Vault"));
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }

        Assert.Equal(3, code);
        Assert.Contains("plan: no verdict for dev", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("azure-native:keyvault:Vault 'vault': the id is unknown", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("rule error(s)", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(target), "no snapshot may be written for an incomplete run");
    }

    [Theory]
    [InlineData("qa", "not a KoraOS stack")]
    [InlineData("", "not a KoraOS stack")]
    public async Task A_bad_stack_is_one_clear_line(string stack, string fragment)
    {
        var (code, _, error) = await Plan("--stack", stack);

        Assert.Equal(2, code);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }
}
