using KoraInfra.OfflinePlan;
using KoraInfra.Platform.Policy.Snapshots;
using KoraInfra.Tests.Support;

namespace KoraInfra.Tests.OfflinePlan;

public sealed class PlanCommandTests
{
    private static async Task<(int Code, string Output, string Error)> Plan(params string[] args)
    {
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Repository.Root);
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
