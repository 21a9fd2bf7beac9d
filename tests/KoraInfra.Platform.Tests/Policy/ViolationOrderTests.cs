using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Policy.Reports;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// The order every report lists violations in: most blocking first (level, then severity), then
/// by rule id and resource URN in ordinal order, the stack itself before any resource, and
/// violations equal in all four in the order the rules found them.
/// </summary>
public sealed class ViolationOrderTests
{
    private static PolicyViolation V(string rule, PolicySeverity severity, EnforcementLevel level, string? urn, string message) =>
        new(rule, "title", severity, level, urn, message);

    // Given in the reverse of the expected order on every key, so each key must do its part.
    private static readonly PolicyViolation[] Shuffled =
    [
        V("KORA-002", PolicySeverity.Low, EnforcementLevel.Advisory, "urn:b", "advisory low"),
        V("KORA-002", PolicySeverity.Critical, EnforcementLevel.Advisory, "urn:b", "advisory critical"),
        V("KORA-010", PolicySeverity.Medium, EnforcementLevel.Mandatory, "urn:b", "mandatory medium b"),
        V("KORA-010", PolicySeverity.Medium, EnforcementLevel.Mandatory, "urn:B", "mandatory medium B"),
        V("KORA-010", PolicySeverity.Medium, EnforcementLevel.Mandatory, null, "mandatory medium stack"),
        V("KORA-002", PolicySeverity.Medium, EnforcementLevel.Mandatory, "urn:z", "mandatory medium rule 002"),
        V("KORA-001", PolicySeverity.High, EnforcementLevel.Mandatory, "urn:a", "mandatory high first found"),
        V("KORA-001", PolicySeverity.High, EnforcementLevel.Mandatory, "urn:a", "mandatory high second found"),
        V("KORA-001", PolicySeverity.High, EnforcementLevel.Mandatory, "urn:a", "mandatory high third found"),
    ];

    private static readonly string[] Expected =
    [
        "mandatory high first found",
        "mandatory high second found",
        "mandatory high third found",
        "mandatory medium rule 002",
        "mandatory medium stack",
        "mandatory medium B",
        "mandatory medium b",
        "advisory critical",
        "advisory low",
    ];

    [Fact]
    public void Violations_are_ordered_by_level_severity_rule_and_resource_keeping_the_rules_order_on_ties() =>
        Assert.Equal(Expected, ViolationOrder.MostBlockingFirst(Shuffled).Select(v => v.Message));

    [Fact]
    public void The_order_does_not_depend_on_the_order_the_rules_ran_in_except_for_ties()
    {
        var reversed = Shuffled.Reverse().ToArray();

        var messages = ViolationOrder.MostBlockingFirst(reversed).Select(v => v.Message).ToArray();

        // The three full ties come out in the order they were given, now reversed; the rest as before.
        Assert.Equal(["mandatory high third found", "mandatory high second found", "mandatory high first found"], messages[..3]);
        Assert.Equal(Expected[3..], messages[3..]);
    }

    [Fact]
    public void Every_report_lists_the_violations_in_that_order()
    {
        var evaluation = new PolicyEvaluation("dev", 3, [new(PolicyRules.Find("KORA-001")!, EnforcementLevel.Mandatory), new(PolicyRules.Find("KORA-002")!, EnforcementLevel.Mandatory), new(PolicyRules.Find("KORA-010")!, EnforcementLevel.Mandatory)], Shuffled, [], []);

        foreach (var format in new[] { ReportFormat.Text, ReportFormat.Json, ReportFormat.Markdown, ReportFormat.Sarif })
        {
            var report = PolicyReports.Render(evaluation, format, "Pulumi.dev.yaml");
            var positions = Expected.Select(m => report.IndexOf(m, StringComparison.Ordinal)).ToArray();
            Assert.All(positions, p => Assert.True(p >= 0, $"{format}: a violation is missing"));
            Assert.True(positions.SequenceEqual(positions.Order()), $"{format}: violations out of order");
        }
    }

    [Fact]
    public void No_violations_give_an_empty_order() => Assert.Empty(ViolationOrder.MostBlockingFirst([]));
}
