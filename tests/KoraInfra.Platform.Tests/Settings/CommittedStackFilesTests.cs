using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Settings;

public sealed class CommittedStackFilesTests
{
    [Theory]
    [InlineData("dev", EnvironmentName.Dev, SizingTier.Small)]
    [InlineData("staging", EnvironmentName.Staging, SizingTier.Medium)]
    [InlineData("prod", EnvironmentName.Prod, SizingTier.Large)]
    public void Each_committed_stack_file_is_valid_for_its_environment(string stack, EnvironmentName environment, SizingTier tier)
    {
        var result = StackFiles.Validate(Repository.StackFile(stack));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(environment, result.Settings!.Environment.Name);
        Assert.Equal(tier, result.Settings.SizingTier);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Committed_stack_files_hold_no_secret_at_all(string stack)
    {
        var source = StackFileReader.ReadFile(Repository.StackFile(stack));

        Assert.DoesNotContain(source.Entries, e => e.Value.IsSecret);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Tags_add_the_managed_tags_to_the_four_required_ones(string stack)
    {
        var tags = StackFiles.Validate(Repository.StackFile(stack)).Require().Tags.All;

        Assert.Equal(stack, tags["environment"]);
        Assert.Equal("pulumi", tags["managed-by"]);
        Assert.Equal("kora-infra", tags["project"]);
        Assert.All(ResourceTags.Required, t => Assert.True(tags.ContainsKey(t), $"tag {t} missing"));
    }

    [Fact]
    public void The_files_differ_where_the_environments_differ()
    {
        var all = StackNames.All.Select(s => StackFiles.Validate(Repository.StackFile(s)).Require()).ToList();

        Assert.Equal(["synthetic", "masked", "confidential"], all.Select(s => s.Tags.All["data-classification"]));
        Assert.Equal([1, 2, 3], all.Select(s => s.Cluster.NodeCount!.Value));
    }

    [Fact]
    public void Validate_reports_a_missing_file_instead_of_throwing()
    {
        var result = StackFiles.Validate(Path.Combine(Path.GetTempPath(), "no-such-dir", "Pulumi.dev.yaml"));

        var problem = Assert.Single(result.Problems);
        Assert.Contains("no file", problem.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_throws_with_every_problem_in_the_message()
    {
        var result = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.dev.yaml", "config:\n  kora-infra:environment: prod\n"));

        var ex = Assert.Throws<InvalidStackSettingsException>(result.Require);
        Assert.Equal(result.Problems.Count, ex.Problems.Count);
        Assert.Contains("kora-infra:environment", ex.Message, StringComparison.Ordinal);
        Assert.Contains("kora-infra:location", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Pulumi.yaml.bak")]
    [InlineData("dev.yaml")]
    [InlineData("Pulumi.dev.json")]
    public void A_file_name_that_is_not_a_stack_file_is_reported(string fileName)
    {
        var result = StackSettingsBinder.Bind(StackFileReader.Read(fileName, File.ReadAllText(Repository.StackFile("dev"))));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("(file name)", problem.Key);
        Assert.Contains("Pulumi.<stack>.yaml", problem.Expected, StringComparison.Ordinal);
    }
}
