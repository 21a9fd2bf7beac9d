using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Monitoring.Support;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Monitoring;

/// <summary>The rendered rules, judged by the real <c>promtool</c>.</summary>
public sealed class PrometheusRulesToolTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Promtool_accepts_the_rule_files_of_each_stack(string stack)
    {
        using var dir = new ScratchDirectory();
        var files = Render(stack, dir);

        var run = MonitoringTool.Promtool.Run(dir.Path, ["check", "rules", .. files.Where(f => f.EndsWith(".rules.yml", StringComparison.Ordinal))]);

        run.AssertSucceeded("promtool check rules");
        Assert.Contains("SUCCESS", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Every_threshold_is_silent_just_short_of_it_and_fires_with_its_severity_just_beyond_it(string stack)
    {
        using var dir = new ScratchDirectory();
        Render(stack, dir);
        var settings = StackFiles.Validate(Repository.StackFile(stack)).Require().Monitoring;
        var catalogue = AlertCatalogue.For(settings);
        var tests = ThresholdTests.For(catalogue, settings.RunbookBaseUrl, PrometheusRules.AlertsFile + ".rules.yml");

        var run = MonitoringTool.Promtool.Run(dir.Path, ["test", "rules", .. tests.Select(t => dir.Write(t.FileName, t.Yaml))]);

        run.AssertSucceeded("promtool test rules");
        Assert.Equal(catalogue.Count, tests.Count);
        Assert.Equal(catalogue.Sum(a => (2 * a.Steps.Count) + (a.Unless is null ? 0 : 1)), tests.Sum(t => t.Cases));
    }

    [Fact]
    public void A_wrong_threshold_is_caught_by_the_generated_tests()
    {
        // The generated tests must be able to fail: judge a catalogue whose replay_backlog
        // warning moved from "> 30" to "> 31" against the rules rendered from the real one.
        using var dir = new ScratchDirectory();
        Render("prod", dir);
        var settings = MonitoringSettings.Defaults;
        var drifted = AlertCatalogue.For(settings)
            .Where(a => a.Name == "ReplayBacklogHigh")
            .Select(a => a with { Steps = [a.Steps[0] with { Threshold = 31 }, a.Steps[1]] })
            .ToList();
        var test = ThresholdTests.For(drifted, settings.RunbookBaseUrl, PrometheusRules.AlertsFile + ".rules.yml").Single();

        var run = MonitoringTool.Promtool.Run(dir.Path, "test", "rules", dir.Write(test.FileName, test.Yaml));

        Assert.NotEqual(0, run.ExitCode);
    }

    private static List<string> Render(string stack, ScratchDirectory dir)
    {
        var plan = MonitoringPlan.For(StackFiles.Validate(Repository.StackFile(stack)).Require());
        return plan.RenderFiles().Select(f => Path.GetFileName(dir.Write(f.Key, f.Value))).ToList();
    }
}
