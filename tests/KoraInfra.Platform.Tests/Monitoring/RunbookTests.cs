using System.Text.RegularExpressions;
using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Monitoring;

/// <summary>The runbooks the alerts link to: every link lands on a section, and section 7's SLAs are spelled as the seed does.</summary>
public sealed partial class RunbookTests
{
    private static string Runbook(string name) => File.ReadAllText(Path.Combine(Repository.Root, "docs", "runbooks", name));

    /// <summary>The anchors GitHub gives the headings of a Markdown file.</summary>
    private static HashSet<string> Anchors(string markdown) =>
        Heading().Matches(markdown)
            .Select(m => NotSlug().Replace(m.Groups[1].Value.Trim().ToLowerInvariant(), string.Empty).Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Every_alerts_runbook_url_points_at_a_section_that_exists()
    {
        var settings = StackFiles.Validate(Repository.StackFile("prod")).Require().Monitoring;
        var anchors = Anchors(Runbook(RunbookLinks.IncidentRunbook));

        Assert.All(AlertCatalogue.For(settings), alert =>
        {
            var url = RunbookLinks.For(settings.RunbookBaseUrl, alert.RunbookAnchor);
            Assert.StartsWith(settings.RunbookBaseUrl.AbsoluteUri + "incident.md#", url, StringComparison.Ordinal);
            Assert.True(anchors.Contains(url[(url.IndexOf('#', StringComparison.Ordinal) + 1)..]), $"{alert.Name}: no section '#{alert.RunbookAnchor}' in docs/runbooks/incident.md");
        });
    }

    [Fact]
    public void Links_between_the_runbooks_resolve()
    {
        Assert.Contains("response-and-recovery-slas", Anchors(Runbook("incident.md")));
        Assert.Contains("immediate-action-per-trigger", Anchors(Runbook("incident.md")));
    }

    [Theory]
    [InlineData("| P0 | ACK operacional <= 5 min | contencao inicial <= 15 min |")]
    [InlineData("| P1 | ACK <= 15 min | contencao inicial <= 60 min |")]
    [InlineData("| P2 | ACK <= 4h uteis | — |")]
    [InlineData("| P0 | restaurar servico principal <= 60 min ou manter operacao segura em modo degradado |")]
    [InlineData("| P1 | restaurar <= 4h |")]
    [InlineData("| P2 | restaurar <= 1 dia util |")]
    [InlineData("superadmin -> devops -> gestao")]
    public void The_incident_runbook_spells_section_7_as_the_seed_does(string line) =>
        Assert.Contains(line, Runbook("incident.md"), StringComparison.Ordinal);

    [Theory]
    [InlineData("promocao reversa da imagem estavel")]
    [InlineData("rollback de schema somente em janela controlada")]
    [InlineData("degraded mode / safe mode")]
    [InlineData("Validate smoke + critical metrics after the rollback")]
    public void The_rollback_playbook_holds_the_four_steps(string text) =>
        Assert.Contains(text, Runbook("rollback.md"), StringComparison.Ordinal);

    [GeneratedRegex("^#{1,6} (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex("[^a-z0-9 _-]")]
    private static partial Regex NotSlug();
}
