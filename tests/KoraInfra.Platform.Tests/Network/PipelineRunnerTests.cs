using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Network;
using KoraInfra.Platform.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace KoraInfra.Platform.Tests.Network;

/// <summary>The pipeline reaches the private planes: every staging or prod job runs on that environment's in-VNet runners.</summary>
public sealed class PipelineRunnerTests
{
    public static TheoryData<string> Workflows => new() { "main.yml", "pull-request.yml", "release-candidate.yml", "release-ga.yml", "rollback.yml" };

    [Fact]
    public void Staging_and_prod_have_a_runner_scale_set_and_dev_uses_hosted_runners()
    {
        Assert.Null(PipelineRunnerPlan.For(EnvironmentProfiles.For(EnvironmentName.Dev)));
        Assert.Equal("ubuntu-24.04", PipelineRunnerPlan.RunsOn(EnvironmentProfiles.For(EnvironmentName.Dev)));
        Assert.Equal("kora-staging", PipelineRunnerPlan.RunsOn(EnvironmentProfiles.For(EnvironmentName.Staging)));
        Assert.Equal("kora-prod", PipelineRunnerPlan.RunsOn(EnvironmentProfiles.For(EnvironmentName.Prod)));
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_job_of_a_private_environment_runs_on_its_scale_set(string workflow)
    {
        foreach (var (name, job) in Jobs(workflow))
        {
            var environment = Scalar(job, "environment");
            var runsOn = Scalar(job, "runs-on") ?? string.Empty;
            switch (environment)
            {
                case "staging" or "prod":
                    Assert.True(runsOn == PipelineRunnerPlan.RunsOn(EnvironmentProfiles.For(Enum.Parse<EnvironmentName>(environment, ignoreCase: true))), $"{workflow} {name} runs on '{runsOn}'");
                    break;
                case "${{ inputs.stack }}":
                    Assert.Equal("kora-${{ inputs.stack }}", runsOn);
                    break;
                case "preview-${{ matrix.stack }}":
                    Assert.Equal("${{ matrix.stack == 'dev' && 'ubuntu-24.04' || format('kora-{0}', matrix.stack) }}", runsOn);
                    break;
            }
        }
    }

    private static IEnumerable<(string Name, YamlMappingNode Job)> Jobs(string workflow)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Repository.Root, ".github", "workflows", workflow));
        stream.Load(reader);
        var jobs = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children["jobs"];
        return jobs.Children.Select(j => (((YamlScalarNode)j.Key).Value!, (YamlMappingNode)j.Value));
    }

    private static string? Scalar(YamlMappingNode job, string key) =>
        job.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;
}
