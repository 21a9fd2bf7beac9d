using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Verification;
using static KoraInfra.TestCases.ReleaseFixtures;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>
/// How one verification condition counts the records offered: which record is bound, which is
/// named as not counted (and why), which one decides, and the exact words a reviewer reads.
/// </summary>
public sealed class VerifiedRecordConditionTests
{
    private const string Id = "load-approved";
    private const string Requirement = "teste de carga aprovado";
    private const string Where = "the release store";

    private static readonly EvidenceBinding Binding = new("staging", Commit, ReleaseVersion.TryParse("v1.4.0-rc.2"), [Api, Worker], Now.AddDays(-3));

    private static EvidenceVerification Genuine(string source, EvidenceRecord record) => new(source, record, null);

    private static EvidenceVerification Refused(string source, string why, VerificationKind? claimed = null) => new(source, null, why, claimed);

    private static GateCondition Judge(Func<EvidenceRecord, IEnumerable<string>>? judge, params EvidenceVerification[] offered) =>
        VerifiedRecordCondition.Evaluate(Id, Requirement, VerificationKind.Load, new VerificationRecords(Where, offered), Binding, judge);

    private static GateCondition Judge(params EvidenceVerification[] offered) => Judge(null, offered);

    [Fact]
    public void One_bound_passing_record_meets_the_condition_with_nothing_missing()
    {
        var condition = Judge(Genuine("load-1.json", Record(VerificationKind.Load)));

        Assert.Equal(new GateCondition(Id, Requirement, true, null), condition);
    }

    [Fact]
    public void No_record_at_all_is_missing_and_says_none_was_found_where_it_looked()
    {
        Assert.Equal(
            new GateCondition(Id, Requirement, false, "a signed 'load' evidence record bound to this release in the release store (none found)"),
            Judge());
    }

    [Fact]
    public void A_record_of_another_kind_is_neither_counted_nor_named()
    {
        var condition = Judge(Genuine("soak-1.json", Record(VerificationKind.Soak)));

        Assert.Equal("a signed 'load' evidence record bound to this release in the release store (none found)", condition.Missing);
        Assert.False(condition.Met);
    }

    [Fact]
    public void A_refused_record_is_named_under_the_kind_it_claimed_or_under_every_kind_when_it_claimed_none()
    {
        Assert.Equal(
            "a signed 'load' evidence record bound to this release in the release store; not counted: 'load-9.json' was refused: no signature verifies",
            Judge(Refused("load-9.json", "no signature verifies", VerificationKind.Load)).Missing);
        Assert.Equal(
            "a signed 'load' evidence record bound to this release in the release store; not counted: 'x.json' was refused: not JSON",
            Judge(Refused("x.json", "not JSON")).Missing);
        Assert.Equal(
            "a signed 'load' evidence record bound to this release in the release store (none found)",
            Judge(Refused("soak-9.json", "no signature verifies", VerificationKind.Soak)).Missing);
    }

    [Fact]
    public void A_record_for_another_release_is_named_with_every_binding_problem_and_each_offer_apart()
    {
        var elsewhere = Record(VerificationKind.Load) with { Stack = "dev", Commit = new string('9', 40) };

        var condition = Judge(Genuine("load-1.json", elsewhere), Refused("load-2.json", "no signature verifies", VerificationKind.Load));

        Assert.Equal(
            "a signed 'load' evidence record bound to this release in the release store; not counted: "
            + "'load-1.json' is for another release: ran in stack 'dev', not 'staging'; ran against commit 9999999999999999999999999999999999999999, not " + Commit
            + " | 'load-2.json' was refused: no signature verifies",
            condition.Missing);
        Assert.False(condition.Met);
    }

    [Fact]
    public void Once_a_bound_record_passes_the_records_not_counted_beside_it_do_not_matter()
    {
        var condition = Judge(
            Refused("load-9.json", "no signature verifies", VerificationKind.Load),
            Genuine("load-1.json", Record(VerificationKind.Load) with { Stack = "dev" }),
            Genuine("load-2.json", Record(VerificationKind.Load)));

        Assert.True(condition.Met, condition.Missing);
        Assert.Null(condition.Missing);
    }

    [Fact]
    public void The_newest_bound_record_decides_a_later_failure_over_an_earlier_pass_naming_its_reasons()
    {
        var earlier = Record(VerificationKind.Load);
        var later = Record(VerificationKind.Load, startedAt: earlier.StartedAt.AddHours(1)) with { Passed = false, Reasons = ["p95 612 ms > 500 ms", "failed rate 0.04 > 0.01"] };

        Assert.Equal(
            new GateCondition(Id, Requirement, false, "the newest 'load' record 'load-2.json' failed: p95 612 ms > 500 ms; failed rate 0.04 > 0.01"),
            Judge(Genuine("load-1.json", earlier), Genuine("load-2.json", later)));
        Assert.Equal(
            "the newest 'load' record 'load-2.json' failed: p95 612 ms > 500 ms; failed rate 0.04 > 0.01",
            Judge(Genuine("load-2.json", later), Genuine("load-1.json", earlier)).Missing);
    }

    [Fact]
    public void A_later_pass_decides_over_an_earlier_failure()
    {
        var earlier = Record(VerificationKind.Load) with { Passed = false, Reasons = ["p95 612 ms > 500 ms"] };
        var later = Record(VerificationKind.Load, startedAt: earlier.StartedAt.AddMinutes(1));

        Assert.True(Judge(Genuine("load-1.json", earlier), Genuine("load-2.json", later)).Met);
        Assert.True(Judge(Genuine("load-2.json", later), Genuine("load-1.json", earlier)).Met);
    }

    [Fact]
    public void The_kinds_own_judgement_of_the_deciding_record_is_named_after_its_source()
    {
        var record = Record(VerificationKind.Load);

        var judged = Judge(r => r == record ? ["RTO 4000 s > 3600 s", "RPO 950 s > 900 s"] : ["judged another record"], Genuine("load-1.json", record));

        Assert.Equal(new GateCondition(Id, Requirement, false, "'load-1.json': RTO 4000 s > 3600 s; 'load-1.json': RPO 950 s > 900 s"), judged);
        Assert.True(Judge(_ => [], Genuine("load-1.json", record)).Met);
    }

    [Fact]
    public void A_failed_record_and_the_kinds_judgement_are_both_named()
    {
        var record = Record(VerificationKind.Load) with { Passed = false, Reasons = ["steady state not reached"] };

        Assert.Equal(
            "the newest 'load' record 'load-1.json' failed: steady state not reached; 'load-1.json': RTO 4000 s > 3600 s",
            Judge(_ => ["RTO 4000 s > 3600 s"], Genuine("load-1.json", record)).Missing);
    }
}
