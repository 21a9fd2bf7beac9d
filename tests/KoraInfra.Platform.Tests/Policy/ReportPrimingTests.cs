using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Policy.Reports;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// The priming run a large report starts beside its read: it must go through the reader, every
/// rule and the renderer without an error (a rule that broke on it would only be noticed as a
/// slower report), and start only for an input large enough to gain from it.
/// </summary>
public sealed class ReportPrimingTests
{
    [Theory]
    [InlineData(ReportFormat.Text)]
    [InlineData(ReportFormat.Json)]
    [InlineData(ReportFormat.Markdown)]
    [InlineData(ReportFormat.Sarif)]
    public void The_priming_export_goes_through_every_rule_without_an_error(ReportFormat format)
    {
        var evaluation = ReportPriming.Prime(format);

        Assert.Equal("prod", evaluation.StackName);
        Assert.Equal(4, evaluation.ResourceCount);
        Assert.Equal(PolicyRules.All.Select(r => r.Id), evaluation.Rules.Select(r => r.Rule.Id));
        Assert.Empty(evaluation.Errors);
    }

    [Fact]
    public void A_small_input_is_not_primed()
    {
        Assert.Same(Task.CompletedTask, ReportPriming.Start(ReportPriming.WorthFrom - 1, ReportFormat.Text));
    }

    [Fact]
    public async Task A_large_input_is_primed_beside_the_caller_on_a_machine_with_a_second_core()
    {
        var priming = ReportPriming.Start(ReportPriming.WorthFrom, ReportFormat.Text);

        Assert.Equal(Environment.ProcessorCount == 1, ReferenceEquals(priming, Task.CompletedTask));
        await priming.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(priming.IsCompletedSuccessfully);
    }
}
