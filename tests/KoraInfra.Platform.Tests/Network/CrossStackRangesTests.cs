using KoraInfra.Platform.Network;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Network;

public sealed class CrossStackRangesTests
{
    private static readonly string[] StackNames = ["dev", "staging", "prod"];

    [Fact]
    public void The_committed_stacks_never_share_an_address()
    {
        var stacks = StackNames.Select(s => StackFiles.Validate(Repository.StackFile(s)).Require());

        Assert.Empty(CrossStackRanges.Check(stacks));
    }

    [Fact]
    public void An_overlap_is_reported_on_the_later_stack_with_file_line_key_and_the_range_it_hits()
    {
        var text = File.ReadAllText(Repository.StackFile("prod")).Replace("podCidr: 10.130.0.0/16", "podCidr: 10.128.0.0/15", StringComparison.Ordinal);
        var prod = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.prod.yaml", text)).Require();
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("podCidr:", StringComparison.Ordinal)) + 1;

        var problems = CrossStackRanges.Check([StackFiles.Validate(Repository.StackFile("dev")).Require(), StackFiles.Validate(Repository.StackFile("staging")).Require(), prod]);

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(("Pulumi.prod.yaml", line, "kora-infra:network.podCidr"), (p.Location.Source, p.Location.Line!.Value, p.Key)));
        Assert.Contains(problems, p => p.Found.Contains("dev's kora-infra:network.podCidr '10.128.0.0/16'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Found.Contains("staging's kora-infra:network.podCidr '10.129.0.0/16'", StringComparison.Ordinal));
    }

    [Fact]
    public void Stacks_are_compared_in_promotion_order_whatever_order_they_come_in()
    {
        var text = File.ReadAllText(Repository.StackFile("prod")).Replace("podCidr: 10.130.0.0/16", "podCidr: 10.128.0.0/15", StringComparison.Ordinal);
        var prod = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.prod.yaml", text)).Require();
        var dev = StackFiles.Validate(Repository.StackFile("dev")).Require();
        var staging = StackFiles.Validate(Repository.StackFile("staging")).Require();

        var problems = CrossStackRanges.Check([prod, staging, dev]);

        Assert.Equal(["Pulumi.prod.yaml", "Pulumi.prod.yaml"], problems.Select(p => p.Location.Source));
        Assert.Collection(
            problems,
            p => Assert.Contains("dev's kora-infra:network.podCidr", p.Found, StringComparison.Ordinal),
            p => Assert.Contains("staging's kora-infra:network.podCidr", p.Found, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_files_of_one_stack_are_not_compared_with_each_other()
    {
        var dev = StackFiles.Validate(Repository.StackFile("dev")).Require();

        Assert.Empty(CrossStackRanges.Check([dev, dev]));
    }
}
